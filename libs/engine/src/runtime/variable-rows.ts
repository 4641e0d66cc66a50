import type { VariableRecord } from '../storage';

/**
 * One instance's variable rows as a command holds them, indexed by the scope that owns them. A multi-instance
 * body over a long list owns a few locals per item; finding a name by scanning every row made each item's step
 * cost grow with the list, and the list's cost with its square.
 */
export class VariableRows {
  private readonly byScope = new Map<string, Map<string, VariableRecord>>();

  constructor(rows: Iterable<VariableRecord> = []) {
    for (const row of rows) this.add(row);
  }

  get(scopeId: string, name: string): VariableRecord | undefined {
    return this.byScope.get(scopeId)?.get(name);
  }

  /** whether the scope owns any row */
  owns(scopeId: string): boolean {
    return this.byScope.has(scopeId);
  }

  /** the rows a scope owns */
  of(scopeId: string): VariableRecord[] {
    return [...(this.byScope.get(scopeId)?.values() ?? [])];
  }

  all(): VariableRecord[] {
    return [...this.byScope.values()].flatMap((rows) => [...rows.values()]);
  }

  /** adds a row, or puts a newer version of one (same scope and name) in its place */
  add(row: VariableRecord): void {
    let scope = this.byScope.get(row.scopeId);
    if (!scope) this.byScope.set(row.scopeId, (scope = new Map()));
    scope.set(row.name, row);
  }

  remove(row: VariableRecord): void {
    const scope = this.byScope.get(row.scopeId);
    scope?.delete(row.name);
    if (scope?.size === 0) this.byScope.delete(row.scopeId);
  }

  clear(): void {
    this.byScope.clear();
  }
}
