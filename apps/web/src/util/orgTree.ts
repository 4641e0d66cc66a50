export interface OrgTreeNode {
  key: string;
  value: string;
  title: string;
  unit: OrgUnit;
  children: OrgTreeNode[];
}

/**
 * The API gives a flat list within the caller's scope; a unit whose parent is outside that
 * scope becomes a root, so a township user sees their township at the top.
 */
export function buildOrgTree(units: OrgUnit[]): OrgTreeNode[] {
  const byCode = new Map<string, OrgTreeNode>();
  for (const u of units) byCode.set(u.code, { key: u.code, value: u.code, title: `${u.name}（${u.code}）`, unit: u, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const node of byCode.values()) {
    const parent = node.unit.parentCode ? byCode.get(node.unit.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (nodes: OrgTreeNode[]) => {
    nodes.sort((a, b) => a.unit.code.localeCompare(b.unit.code));
    nodes.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Codes of the nodes to expand so every match is visible (its ancestors). */
export function ancestorsOfMatches(units: OrgUnit[], query: string): string[] {
  const q = query.trim();
  if (!q) return [];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const open = new Set<string>();
  for (const u of units) {
    if (!u.name.includes(q) && !u.code.includes(q)) continue;
    let p = u.parentCode;
    while (p && !open.has(p)) {
      open.add(p);
      p = byCode.get(p)?.parentCode ?? null;
    }
  }
  return [...open];
}
import type { OrgUnit } from '@kcbx/api-contract';
