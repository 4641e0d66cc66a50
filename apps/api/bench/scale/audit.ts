import { placeholder, type SqlRunner } from './sql';

/**
 * The audit trail of the county's years of work. The demo seed plays its stories through the services, below the
 * HTTP layer that writes `audit_entry`, so neither the templates nor their copies carry the rows a real county
 * would. Every step completed with a form wrote one through the API (`POST /api/tasks/:id/complete`, its params
 * and body); this writes that row for each submission that has none, from the submission itself: who, when, the
 * data. The id is the submission's with its first character made `g` (no UUID starts so), one per submission.
 * test/scale-generator.int-spec.ts compares a written row with one the API wrote for a real completion.
 */
export async function auditCompletions(db: SqlRunner, tenantId: string): Promise<number> {
  const p = placeholder(db.dialect, 1);
  const before = await count(db, tenantId);
  await db.query(
    `INSERT INTO audit_entry ("id", "tenantId", "userId", "username", "action", "entity", "entityId", "detail", "status", "ip", "at")
     SELECT 'g' || substr(s."id", 2), s."tenantId", s."submittedBy", u."username", 'POST /api/tasks/:id/complete', 'tasks', s."taskId",
            '{"params":{"id":"' || s."taskId" || '"},"query":{},"body":{"data":' || s."data" || '}}', 201, '127.0.0.1', s."submittedAt"
       FROM form_submission s
       JOIN app_user u ON u."id" = s."submittedBy"
      WHERE s."tenantId" = ${p} AND s."taskId" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a."entityId" = s."taskId" AND a."entity" = 'tasks')`,
    [tenantId],
  );
  return (await count(db, tenantId)) - before;
}

async function count(db: SqlRunner, tenantId: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_entry WHERE "tenantId" = ${placeholder(db.dialect, 1)}`, [
    tenantId,
  ]);
  return Number(n);
}
