/** GB/T 2260 divisions (province 2, city 4, county 6 digits) plus 9-digit statistical township codes. */
export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

export interface Township {
  code: string;
  name: string;
  countyCode: string;
}

const CODE_SHAPE = /^(\d{2}|\d{4}|\d{6}|\d{9})$/;

/** Lookups over a division tree; works in the browser and on the server (the tree is passed in). */
export class RegionIndex {
  private readonly byCode = new Map<string, { node: RegionNode; parent?: string }>();

  constructor(readonly tree: RegionNode[]) {
    const walk = (nodes: RegionNode[], parent?: string) => {
      for (const node of nodes) {
        this.byCode.set(node.code, { node, parent });
        if (node.children) walk(node.children, node.code);
      }
    };
    walk(tree);
  }

  find(code: string): RegionNode | undefined {
    return this.byCode.get(code)?.node;
  }

  isRegionCode(code: string): boolean {
    return CODE_SHAPE.test(code) && this.byCode.has(code);
  }

  /** 宁夏回族自治区 / 固原市 / 西吉县 — every ancestor, outermost first. */
  path(code: string): RegionNode[] {
    const out: RegionNode[] = [];
    let current: string | undefined = code;
    while (current) {
      const entry = this.byCode.get(current);
      if (!entry) break;
      out.unshift(entry.node);
      current = entry.parent;
    }
    return out;
  }

  /** A county's townships (any county in China). */
  townshipsOf(countyCode: string): Township[] {
    return (this.find(countyCode)?.children ?? []).map((t) => ({ code: t.code, name: t.name, countyCode }));
  }
}

/** Shape only (2/4/6/9 digits); membership needs a RegionIndex. */
export function looksLikeRegionCode(code: string): boolean {
  return CODE_SHAPE.test(code);
}
