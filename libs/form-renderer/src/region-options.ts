import type { RegionNode } from '@kcbx/cn-codes';

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

/** antd Cascader options (province > city > county > township) from the division tree the host passes. */
export function regionOptions(tree: RegionNode[], depth = 4): CascaderOption[] {
  const convert = (nodes: RegionNode[], level: number): CascaderOption[] =>
    nodes.map((n) => ({
      value: n.code,
      label: n.name,
      ...(n.children?.length && level < depth ? { children: convert(n.children, level + 1) } : {}),
    }));
  return convert(tree, 1);
}

/** The cascader path for a stored code: every ancestor code, outermost first. */
export function regionPath(tree: RegionNode[], code: string | undefined): string[] {
  if (!code) return [];
  const walk = (nodes: RegionNode[], trail: string[]): string[] | undefined => {
    for (const n of nodes) {
      const here = [...trail, n.code];
      if (n.code === code) return here;
      if (n.children && code.startsWith(n.code.slice(0, 2))) {
        const found = walk(n.children, here);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(tree, []) ?? [];
}
