/** One division as the API's /api/regions answers it. */
export interface RegionChoice {
  code: string;
  name: string;
  /** No level below (a township, or the deepest level the source has). */
  isLeaf?: boolean;
}

/**
 * Divisions loaded a level at a time (the API serves province > city > county > township per click, so the
 * browser never downloads the 2 MB national tree). `path` answers the ancestors of a stored code, outermost
 * first, so a saved value can be shown and reopened.
 */
export interface RegionSource {
  children(parent?: string): Promise<RegionChoice[]>;
  path(code: string): Promise<RegionChoice[]>;
}

export interface LazyOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: LazyOption[];
}

export function toLazyOptions(choices: RegionChoice[], depth: number, maxDepth = 4): LazyOption[] {
  return choices.map((c) => ({ value: c.code, label: c.name, isLeaf: !!c.isLeaf || depth >= maxDepth }));
}

/** A copy of the option tree with `children` set under the option at `path` (antd wants a new array to re-render). */
export function withChildren(options: LazyOption[], path: string[], children: LazyOption[]): LazyOption[] {
  const [head, ...rest] = path;
  return options.map((o) => {
    if (o.value !== head) return o;
    if (rest.length === 0) return { ...o, children };
    return { ...o, children: withChildren(o.children ?? [], rest, children) };
  });
}
