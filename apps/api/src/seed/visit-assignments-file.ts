import * as fs from 'fs';
import * as path from 'path';
import { repositoryRoot } from '../config/repository-root';
import { readTabularFile } from '../imports/tabular-file';
import { resolveAssignmentRows } from '../visit-assignments/assignment-rows';
import { AssignmentsTx, VisitAssignmentsRepository } from '../visit-assignments/visit-assignments.repository';

/** The county package's 包抓 分工 list (the directive's 附件), in the same columns a bureau imports. */
export const VISIT_ASSIGNMENTS_FILE = 'visit-assignments.csv';

/**
 * Loads counties/<code>/visit-assignments.csv into a county being seeded, through the same row checks as the
 * import (`POST /api/visit-assignments/imports`). Accounts in the list get the seed's username prefix. A broken
 * shipped list stops the seed: the dashboard would judge the wrong people.
 */
export async function seedVisitAssignments(
  m: AssignmentsTx,
  tenantId: string,
  countyCode: string,
  usernamePrefix: string,
  by: string,
  root = repositoryRoot(),
): Promise<number> {
  const file = path.join(root, 'counties', countyCode, VISIT_ASSIGNMENTS_FILE);
  if (!fs.existsSync(file)) return 0;
  const sheet = (await readTabularFile(file, fs.readFileSync(file))).map((r) => ({
    ...r,
    cells: Object.fromEntries(Object.entries(r.cells).map(([h, v]) => [h, v && (h === '账号' || h === '用户名') ? usernamePrefix + v : v])),
  }));
  const repo = new VisitAssignmentsRepository(m.connection);
  const { rows, problems } = resolveAssignmentRows(sheet, await repo.directory(tenantId, m));
  if (problems.length > 0) {
    const where = problems.map((p) => `row ${p.row} ${p.column}: ${p.message.zh} / ${p.message.en}`).join('; ');
    throw new Error(`counties/${countyCode}/${VISIT_ASSIGNMENTS_FILE}: ${where}`);
  }
  await repo.replaceAll(m, tenantId, rows, by);
  return rows.length;
}
