import type { KindCounts, LedgerKind, LedgerStatus, UnitCounts } from '@kcbx/api-contract';
import type { OrgUnit } from '../database/entities';

export type { KindCounts, UnitCounts } from '@kcbx/api-contract';

export interface CountRow {
  orgUnitPath: string;
  kind: LedgerKind;
  status: LedgerStatus;
  n: number;
}

export const emptyCounts = (): KindCounts => ({
  'school-age': { open: 0, 'in-progress': 0, 'signed-off': 0 },
  'suspected-dropout': { open: 0, 'in-progress': 0, 'signed-off': 0 },
  dropout: { open: 0, 'in-progress': 0, 'signed-off': 0 },
});

/**
 * Rolls ledger counts (grouped by the unit an entry sits at) up the org tree: a township's figure is the sum
 * of its own entries and those of its schools. The same numbers feed the dashboard, the report and the
 * ledger totals, so they cannot disagree.
 */
export function rollUp(units: OrgUnit[], rows: CountRow[]): Map<string, UnitCounts> {
  const byPath = new Map<string, UnitCounts>(
    units.map((u) => [u.path, { code: u.code, name: u.name, kind: u.kind, path: u.path, counts: emptyCounts() }]),
  );
  for (const row of rows) {
    for (const unit of byPath.values()) {
      if (row.orgUnitPath.startsWith(unit.path)) unit.counts[row.kind][row.status] += row.n;
    }
  }
  return byPath;
}

export function total(c: Record<LedgerStatus, number>): number {
  return c.open + c['in-progress'] + c['signed-off'];
}
