import { Injectable } from '@nestjs/common';
import { completedInstancesOf } from '@kcbx/engine-store-typeorm';
import { DataSource, In } from 'typeorm';
import { User } from '../database/entities';

/** Visits recorded by one person at one township in one month (YYYY-MM). */
export interface VisitCount {
  by: string;
  township: string;
  month: string;
  n: number;
}

/** The 包抓 visits as recorded by the forms of completed visit cases, and the names of the people who made them. */
@Injectable()
export class VisitRecordsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The visits recorded in the county's cases of the procedure `key` that ended at or after `since` (ms), counted
   * per person, township and month: each case is one visit, by whoever submitted its latest form that names a
   * township (`townshipCode`, text) and a day (`visitDate`, text beginning YYYY-MM), at that township in that month.
   * Bounded by `since` so the dashboard reads the months it shows, not every year of visits; counted in SQL, so only
   * the counts travel to Node: a five-year county ends about two thousand visit cases a month, and reading their
   * forms cost the dashboard 150–200 ms of the API's CPU a call (#19).
   */
  async visitCounts(tenantId: string, key: string, since: number): Promise<VisitCount[]> {
    const pg = this.ds.options.type === 'postgres';
    // the county's cases of `key` that ended since (the engine's read, engine-store-typeorm); `since` is written into the
    // text: it changes once a month, and a plan made for it knows how few cases ended since
    const [casesSql, params] = completedInstancesOf(this.ds, tenantId, key)
      .andWhere(`i.endedAt >= ${Math.floor(Number(since))}`)
      .getQueryAndParameters();
    const tenantAt = pg ? `$${params.length + 1}` : '?';
    // PostgreSQL parses each form once (jsonb); SQLite reads the stored text with its JSON functions
    const form = pg ? `s."data"::jsonb` : `s."data"`;
    const text = (field: string) => (pg ? `f."d" ->> '${field}'` : `json_extract(f."d", '$.${field}')`);
    const isText = (field: string) => (pg ? `jsonb_typeof(f."d" -> '${field}') = 'string'` : `json_type(f."d", '$.${field}') = 'text'`);
    // the JavaScript test this replaces was /^\d{4}-\d{2}/
    const dated = pg ? `${text('visitDate')} ~ '^[0-9]{4}-[0-9]{2}'` : `${text('visitDate')} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'`;
    // The cases first, then their forms, then what the forms say (MATERIALIZED: the planner cannot tell how few forms
    // name a township, and otherwise read every form of the county to test that first: 4.6 s at a five-year county).
    const sql = `
      WITH cases AS MATERIALIZED (${casesSql}),
      forms AS MATERIALIZED (
        SELECT s."id", s."instanceId", s."submittedBy", s."submittedAt", ${form} AS "d"
          FROM form_submission s JOIN cases c ON c."id" = s."instanceId"
         WHERE s."tenantId" = ${tenantAt}
      ), visits AS (
        SELECT f."submittedBy" AS "visitor", ${text('townshipCode')} AS "township", SUBSTR(${text('visitDate')}, 1, 7) AS "month",
               ROW_NUMBER() OVER (PARTITION BY f."instanceId" ORDER BY f."submittedAt" DESC, f."id" DESC) AS "latest"
          FROM forms f
         WHERE ${isText('townshipCode')} AND ${isText('visitDate')} AND ${dated}
      )
      SELECT v."visitor" AS "by", v."township", v."month", COUNT(*) AS "n" FROM visits v WHERE v."latest" = 1
       GROUP BY v."visitor", v."township", v."month"`;
    const rows: (Omit<VisitCount, 'n'> & { n: string | number })[] = await this.ds.query(sql, [...params, tenantId]);
    return rows.map((r) => ({ by: r.by, township: r.township, month: r.month, n: Number(r.n) }));
  }

  /** Display names of some users by id (ids not found are absent). */
  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const users = await this.ds.getRepository(User).find({ select: { id: true, displayName: true }, where: { id: In(userIds) } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}
