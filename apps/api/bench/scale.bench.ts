import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startApiServer, stopApiServer, type ApiServer } from './load/api-servers';
import { createClerks, loginClerks, PROCESS_KEY, type Clerk } from './load/clerks';
import { deployProcedure } from './load/procedure';
import { closeConnections, expectStatus } from './load/http-client';
import { benchDatabaseUrl, freshBenchDatabase, repoRoot } from './load/bench-database';
import { describeEnvironment } from './load/environment';
import { generateCounty, type CountyReport, type CountySize } from './scale/county-history';
import { measureCompletions, type CompletionFigure } from './scale/completions';
import { explainInbox, type InboxExplain } from './scale/inbox-explain';
import { replicateTenant } from './scale/province';
import { logins, measureReads, type Read, type ReadFigure } from './scale/reads';
import { pgRunner, sqliteRunner } from './scale/runners';
import { placeholder, type SqlRunner } from './scale/sql';

/**
 * Reads as history grows (issue #19): one API process against the demo county as first started (the empty
 * county), the same county with years of history, and (PostgreSQL) a province of such counties in one database.
 * Usage: node scale.bench.js <postgres|sqlite> '<json CountySize & { tenants, samples }>'. One JSON line on stdout.
 */
// BENCH_PG_DATABASE keeps two checkouts' benches apart, as in the load bench
const DB_NAME = process.env.BENCH_PG_DATABASE ?? 'kcbx_scale_bench';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Xiji@2026';
const IDLE_USER = 'load-clerk-1';

const databaseUrl = () => benchDatabaseUrl(DB_NAME);
const freshPostgres = () => freshBenchDatabase(DB_NAME);

interface Stage {
  name: string;
  reads: ReadFigure[];
  /** task completion under the clerks (null: `--load-seconds 0`) */
  completions: CompletionFigure | null;
  studentCases: number;
  openTasks: number;
  finishedCases: number;
  tenants: number;
  seconds?: number;
  generated?: CountyReport;
  databaseSize?: string;
}

/** The child the student file is read for: the one whose case count is nearest 10 (the child with ten cases). */
async function childWithTenCases(db: SqlRunner, tenantId: string): Promise<{ id: string; cases: number }> {
  const [row] = await db.query<{ id: string; n: number }>(
    `SELECT "studentId" AS id, COUNT(*) AS n FROM process_instance_link
      WHERE "tenantId" = ${placeholder(db.dialect, 1)} AND "studentId" IS NOT NULL
      GROUP BY "studentId" ORDER BY abs(COUNT(*) - 10), COUNT(*) DESC LIMIT 1`,
    [tenantId],
  );
  return { id: row.id, cases: Number(row.n) };
}

function readsFor(taskId: string, studentId: string, samples: number): Read[] {
  const inbox = '/api/tasks?scope=all&page=1&pageSize=20';
  return [
    { label: 'inbox page, class teacher', username: 'teacher', path: inbox, targetMs: 50, samples },
    { label: 'inbox page, township official', username: 'township', path: inbox, targetMs: 50, samples },
    { label: 'inbox page, bureau office (基础教育室)', username: 'basic-edu', path: inbox, targetMs: 50, samples },
    { label: 'inbox page, a teacher with no work', username: IDLE_USER, path: inbox, targetMs: 50, samples },
    { label: 'task page', username: 'teacher', path: `/api/tasks/${taskId}`, targetMs: 100, samples },
    { label: 'student file', username: 'basic-edu', path: `/api/students/${studentId}/file`, targetMs: 100, samples },
    {
      label: 'ledger page (疑似辍学)',
      username: 'basic-edu',
      path: '/api/ledgers/suspected-dropout?page=1&pageSize=20',
      targetMs: 300,
      samples,
    },
    { label: 'dashboard (county)', username: 'basic-edu', path: '/api/dashboard', targetMs: 300, samples },
    {
      label: 'monthly report XLSX (county)',
      username: 'basic-edu',
      path: '/api/reports/monthly',
      targetMs: 2000,
      samples: Math.min(samples, 5),
    },
  ];
}

/** the clerks of the completion load, and for how long they work at each stage */
interface Load {
  clerks: Pick<Clerk, 'username' | 'unitCode'>[];
  seconds: number;
  databaseUrl: string | null;
}

async function stage(
  name: string,
  start: () => Promise<ApiServer>,
  db: SqlRunner,
  tenantId: string,
  tenants: number,
  samples: number,
  load: Load,
): Promise<Stage> {
  const server = await start();
  try {
    const tokens = await logins(server.base, ['teacher', 'township', 'basic-edu', IDLE_USER], PASSWORD);
    const inbox = (await expectStatus(200, server.base, 'GET', '/api/tasks?pageSize=1', tokens.get('teacher'))).body as {
      items: { id: string }[];
    };
    const child = await childWithTenCases(db, tenantId);
    const reads = await measureReads(server.base, server.child.pid!, tokens, readsFor(inbox.items[0].id, child.id, samples));
    const p = placeholder(db.dialect, 1);
    const [c] = await db.query<{ open: number; finished: number }>(
      `SELECT (SELECT COUNT(*) FROM bpmn_task WHERE "tenantId" = ${p} AND "state" = 'created') AS open,
              (SELECT COUNT(*) FROM bpmn_instance WHERE "tenantId" = ${p} AND "state" = 'completed' AND "parentExecutionId" IS NULL) AS finished`,
      db.dialect === 'postgres' ? [tenantId] : [tenantId, tenantId],
    );
    // the load last: its cases would otherwise add to the open work the reads above are measured with
    let completions: CompletionFigure | null = null;
    if (load.seconds > 0) {
      process.stderr.write(`  scale: ${name}, ${load.clerks.length} clerks completing tasks for ${load.seconds} s…\n`);
      const clerks = await loginClerks([server.base], load.clerks, PASSWORD);
      completions = await measureCompletions(clerks, load.seconds, server.child.pid!, load.databaseUrl);
    }
    return { name, reads, completions, studentCases: child.cases, openTasks: Number(c.open), finishedCases: Number(c.finished), tenants };
  } finally {
    closeConnections();
    await stopApiServer(server);
  }
}

async function analyse(db: SqlRunner): Promise<void> {
  await db.query('ANALYZE');
}

async function main() {
  const kind = process.argv[2] === 'sqlite' ? 'sqlite' : 'postgres';
  const opts = JSON.parse(process.argv[3] ?? '{}') as Partial<CountySize> & {
    tenants?: number;
    samples?: number;
    clerks?: number;
    loadSeconds?: number;
  };
  const size: CountySize = {
    students: opts.students ?? 7000,
    cases: opts.cases ?? 25000,
    open: opts.open ?? 5000,
    years: opts.years ?? 5,
    importsPerYear: opts.importsPerYear ?? 2,
  };
  const tenants = kind === 'postgres' ? (opts.tenants ?? 3) : 1;
  const samples = opts.samples ?? 40;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-scale-'));
  const url = kind === 'postgres' ? databaseUrl() : null;
  // production refuses SQLite (it wants DATABASE_URL), so the SQLite server runs as `npm run dev:api` does
  const env = {
    SEED_DEMO_CASES: 'true',
    SEED_DEMO_WORKFLOWS: 'true',
    DATA_DIR: dataDir,
    JOB_POLL_MS: '0',
    ...(url ? {} : { NODE_ENV: 'development' }),
  };
  const start = () => startApiServer(repoRoot(), url, env);
  const loadSeconds = opts.loadSeconds ?? 20;
  let loadClerks: Clerk[] = [];
  if (kind === 'postgres') await freshPostgres();
  // First start: migrate, seed the demo county and play its cases; add a teacher with no work at a new school.
  const first = await start();
  try {
    const admin = await expectStatus(200, first.base, 'POST', '/api/auth/login', undefined, { username: 'admin', password: PASSWORD });
    const adminToken = (admin.body as { accessToken: string }).accessToken;
    const units = (await expectStatus(200, first.base, 'GET', '/api/org-units', adminToken)).body as { code: string; kind: string }[];
    const townships = units.filter((u) => u.kind === 'township');
    const [idle] = await createClerks([first.base], adminToken, townships[0].code, 1, PASSWORD);
    // the load bench's clerks, each at a school of its own in another township, with its procedure
    await deployProcedure(first.base, PASSWORD);
    const count = loadSeconds > 0 ? (opts.clerks ?? 50) : 0;
    loadClerks = await createClerks([first.base], adminToken, townships[1].code, count, PASSWORD, 'scale-clerk');
    size.quietUnits = [idle.unitCode, ...loadClerks.map((c) => c.unitCode)];
    size.skipKeys = [PROCESS_KEY];
  } finally {
    closeConnections();
    await stopApiServer(first);
  }
  const open = () => (url ? pgRunner(url) : Promise.resolve(sqliteRunner(path.join(dataDir, 'kcbx.sqlite'))));
  const db = await open();
  const [{ id: tenantId }] = await db.query<{ id: string }>(`SELECT "id" FROM tenant WHERE "code" = '640422'`);
  const dbSize = async () =>
    url
      ? (await db.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`))[0].s
      : `${(fs.statSync(path.join(dataDir, 'kcbx.sqlite')).size / 2 ** 20).toFixed(0)} MB`;
  const load: Load = { clerks: loadClerks, seconds: loadSeconds, databaseUrl: url };
  const stages: Stage[] = [];
  process.stderr.write(`  scale ${kind}: empty county…\n`);
  await analyse(db);
  stages.push({ ...(await stage('empty county', start, db, tenantId, 1, samples, load)), databaseSize: await dbSize() });

  process.stderr.write(`  scale ${kind}: generating the county (${JSON.stringify(size)})…\n`);
  let t0 = Date.now();
  const generated = await generateCounty(db, tenantId, size);
  await analyse(db);
  const countySeconds = (Date.now() - t0) / 1000;
  stages.push({
    ...(await stage('five-year county', start, db, tenantId, 1, samples, load)),
    generated,
    seconds: countySeconds,
    databaseSize: await dbSize(),
  });

  let explain: InboxExplain[] | null = null;
  if (url && tenants > 1) {
    process.stderr.write(`  scale ${kind}: replicating ${tenants - 1} more counties…\n`);
    t0 = Date.now();
    for (let n = 2; n <= tenants; n++) await replicateTenant(db, tenantId, n);
    await analyse(db);
    const seconds = (Date.now() - t0) / 1000;
    stages.push({ ...(await stage('province', start, db, tenantId, tenants, samples, load)), seconds, databaseSize: await dbSize() });
  }
  if (url) explain = await explainInbox(url, ['teacher', 'township', 'basic-edu', IDLE_USER]);
  const environment = url ? await describeEnvironment(url) : null;
  await db.close();
  if (kind === 'sqlite') fs.rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ kind, size, tenants, loadSeconds, stages, explain, environment }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
