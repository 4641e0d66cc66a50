import { insertRows } from './insert-rows';
import { placeholder, type SqlRunner } from './sql';

/**
 * Where the copies sit in the org tree. The demo stories happen at a few units (the first school and township);
 * a county's years of work happen at all of them. Copy `sj` of a child goes to the school `sj` places further in
 * the county's list of schools, and the cases about that child go with it (a township's cases to the township
 * `sj` places further), so each unit holds its share of the history and each user their share of the open work.
 * Units named in `quiet` (the bench's teacher with no work) get none.
 */
export async function spreadOverUnits(db: SqlRunner, tenantId: string, quiet: string[]): Promise<number> {
  const units = await db.query<{ id: string; code: string; path: string; kind: string }>(
    `SELECT "id", "code", "path", "kind" FROM org_unit WHERE "tenantId" = ${placeholder(db.dialect, 1)} ORDER BY "code"`,
    [tenantId],
  );
  const byKind = new Map<string, typeof units>();
  for (const u of units) if (!quiet.includes(u.code)) byKind.set(u.kind, [...(byKind.get(u.kind) ?? []), u]);
  const places = Math.max(1, ...[...byKind.values()].map((l) => l.length));
  await db.query(`DROP TABLE IF EXISTS scale_unit`);
  await db.query(
    `CREATE TABLE scale_unit (r INTEGER NOT NULL, old_code VARCHAR NOT NULL, old_json VARCHAR NOT NULL, old_path VARCHAR NOT NULL,
                              new_id VARCHAR NOT NULL, new_code VARCHAR NOT NULL, new_path VARCHAR NOT NULL)`,
  );
  const rows: unknown[][] = [];
  for (let r = 1; r < places; r++) {
    for (const list of byKind.values()) {
      list.forEach((u, i) => {
        const to = list[(i + r) % list.length];
        rows.push([r, u.code, JSON.stringify(u.code), u.path, to.id, to.code, to.path]);
      });
    }
  }
  await insertRows(db, 'scale_unit', ['r', 'old_code', 'old_json', 'old_path', 'new_id', 'new_code', 'new_path'], rows);
  await db.query(`CREATE INDEX scale_unit_path ON scale_unit (r, old_path)`);
  await db.query(`CREATE INDEX scale_unit_code ON scale_unit (r, old_json)`);
  return places;
}

/** the join that finds the unit a copy moves a path column to (`su`; no row = stays), for copy row `c` */
export const unitOfPath = (column: string) => `LEFT JOIN scale_unit su ON su.r = c.ur AND su.old_path = ${column}`;

/** the same for the `orgUnit` variable (its value is the unit's code as JSON) */
export const unitOfVariable = `LEFT JOIN scale_unit su ON su.r = c.ur AND x."name" = 'orgUnit' AND su.old_json = x."value"`;
