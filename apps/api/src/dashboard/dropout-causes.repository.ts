import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How many entries a cause was recorded for. COUNT(*) comes back as text on PostgreSQL (bigint). */
export interface CauseRow {
  cause: string;
  n: number | string;
}

/** The 辍学原因 recorded in the cases started from ledger entries (the persuasion visits' forms). */
@Injectable()
export class DropoutCausesRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * For each entry at or under `path` whose case has a form with a `dropoutCause` (a non-empty string), the cause
   * of the latest such form; counted per cause. Counted in SQL: only the counts travel to Node. The dashboard read
   * every form of those cases, every year of them, to keep one value per entry (#19).
   */
  async causeCounts(tenantId: string, path: string): Promise<CauseRow[]> {
    const pg = this.ds.options.type === 'postgres';
    const at = (n: number) => (pg ? `$${n}` : '?');
    // PostgreSQL parses each form once (jsonb); SQLite reads the stored text with its JSON functions
    const form = pg ? `s."data"::jsonb` : `s."data"`;
    const cause = pg ? `f."d" ->> 'dropoutCause'` : `json_extract(f."d", '$.dropoutCause')`;
    const isText = pg ? `jsonb_typeof(f."d" -> 'dropoutCause') = 'string'` : `json_type(f."d", '$.dropoutCause') = 'text'`;
    // The entries' forms first (MATERIALIZED: the planner cannot tell how few forms name a cause), and of those only
    // the ones whose text names the field are parsed.
    const sql = `
      WITH forms AS MATERIALIZED (
        SELECT e."id" AS "entryId", s."id", s."submittedAt", ${form} AS "d"
          FROM ledger_entry e JOIN form_submission s ON s."instanceId" = e."caseId" AND s."tenantId" = e."tenantId"
         WHERE e."tenantId" = ${at(1)} AND e."orgUnitPath" LIKE ${at(2)} AND s."data" LIKE '%"dropoutCause"%'
      ), causes AS (
        SELECT ${cause} AS "cause", ROW_NUMBER() OVER (PARTITION BY f."entryId" ORDER BY f."submittedAt" DESC, f."id" DESC) AS "latest"
          FROM forms f
         WHERE ${isText} AND ${cause} <> ''
      )
      SELECT c."cause", COUNT(*) AS "n" FROM causes c WHERE c."latest" = 1 GROUP BY c."cause"`;
    return this.ds.query(sql, [tenantId, `${path}%`]);
  }
}
