import { Client } from 'pg';
import { startApiServer, stopApiServer, type ApiServer } from './load/api-servers';
import { createClerks, driveClerks, PROCESS_KEY, STEPS_PER_CASE, type ClerkTally } from './load/clerks';
import { deployProcedure } from './load/procedure';
import { closeConnections, expectStatus } from './load/http-client';
import { cpuPerCompletion, sampleCpu } from './load/cpu-meter';
import { benchDatabaseUrl, freshBenchDatabase, repoRoot } from './load/bench-database';
import { benchPostgresPids, countersPerCompletion, databaseCounters, describeEnvironment } from './load/environment';

/**
 * The API under load (issue #5): 50 simulated clerks completing tasks over HTTP against PostgreSQL, for 60 s,
 * against real API processes started as `npm start` runs them. Reports throughput and p50/p95/p99, then
 * checks in the database that no step was lost or done twice. One JSON line on stdout.
 * Usage: node load.bench.js [seconds=60] [clerks=50] [apiProcesses=2] [pacedCompletionsPerSec=210]
 */
const DB_NAME = process.env.BENCH_PG_DATABASE ?? 'kcbx_load_bench';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Xiji@2026';
const WARM_UP_MS = 5_000;

const databaseUrl = () => benchDatabaseUrl(DB_NAME);

// BENCH_PG_LOG_MS=0 logs every statement of the bench's database with its duration (parse, bind, execute apart) to
// the server log, for profiling; the server's other databases are untouched.
const freshDatabase = () =>
  freshBenchDatabase(DB_NAME, async (admin) => {
    const logMs = process.env.BENCH_PG_LOG_MS;
    if (logMs !== undefined) await admin.query(`ALTER DATABASE ${DB_NAME} SET log_min_duration_statement = ${Number(logMs)}`);
  });

async function firstTownship(base: string, token: string): Promise<string> {
  const units = (await expectStatus(200, base, 'GET', '/api/org-units', token)).body as { code: string; kind: string }[];
  const township = units.find((u) => u.kind === 'township');
  if (!township) throw new Error('the demo county has no township');
  return township.code;
}

function phase(t: ClerkTally, elapsed: number) {
  const c = t.completions.summary();
  return {
    seconds: elapsed,
    completions: c.count,
    completionsPerSec: c.count / elapsed,
    complete: c,
    inbox: t.inbox.summary(),
    start: t.starts.summary(),
    requestsPerSec: (c.count + t.inbox.count + t.starts.count) / elapsed,
  };
}

/** What the database says happened, compared with what the clerks were told. */
async function audit(tallies: ClerkTally[]) {
  const db = new Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    const completedIds = tallies.flatMap((t) => t.completedTaskIds);
    const [{ n: completedInDb }] = (
      await db.query(
        `SELECT count(*)::int AS n FROM bpmn_task t JOIN bpmn_instance i ON i.id = t."instanceId" WHERE i.key = $1 AND t.state = 'completed'`,
        [PROCESS_KEY],
      )
    ).rows;
    const [{ n: submissions }] = (await db.query(`SELECT count(*)::int AS n FROM form_submission WHERE "formKey" = 'load-step'`)).rows;
    // Every case: finished ones did each step once; open ones have exactly one open step after their done ones.
    const badCases = (
      await db.query(
        `SELECT i.id, i.state,
                count(*) FILTER (WHERE t.state = 'completed')::int AS done,
                count(*) FILTER (WHERE t.state = 'created')::int AS open
           FROM bpmn_instance i LEFT JOIN bpmn_task t ON t."instanceId" = i.id
          WHERE i.key = $1 GROUP BY i.id, i.state
         HAVING (i.state = 'completed' AND (count(*) FILTER (WHERE t.state = 'completed') <> ${STEPS_PER_CASE} OR count(*) FILTER (WHERE t.state = 'created') <> 0))
             OR (i.state = 'active' AND count(*) FILTER (WHERE t.state = 'created') <> 1)`,
        [PROCESS_KEY],
      )
    ).rows;
    const [{ n: instances }] = (await db.query(`SELECT count(*)::int AS n FROM bpmn_instance WHERE key = $1`, [PROCESS_KEY])).rows;
    const startedByClerks = tallies.reduce((s, t) => s + t.startedInstanceIds.length, 0);
    return {
      completionsAcknowledged: completedIds.length,
      completionsInDatabase: completedInDb as number,
      formSubmissionsInDatabase: submissions as number,
      duplicatedAcknowledgements: completedIds.length - new Set(completedIds).size,
      casesStarted: startedByClerks,
      casesInDatabase: instances as number,
      inconsistentCases: badCases.length,
    };
  } finally {
    await db.end();
  }
}

async function main() {
  const seconds = Number(process.argv[2] ?? 60);
  const clerkCount = Number(process.argv[3] ?? 50);
  const processes = Number(process.argv[4] ?? 2);
  // The paced run offers exactly this many completions per second (0 = skip it); see bench-api.js.
  const pacedTarget = Number(process.argv[5] ?? 210);
  await freshDatabase();
  const servers: ApiServer[] = [];
  try {
    // The first process migrates and seeds; the others then start on a ready database.
    servers.push(await startApiServer(repoRoot(), databaseUrl()));
    for (let i = 1; i < processes; i++) servers.push(await startApiServer(repoRoot(), databaseUrl()));
    const bases = servers.map((s) => s.base);
    await deployProcedure(bases[0], PASSWORD);
    const admin = await expectStatus(200, bases[0], 'POST', '/api/auth/login', undefined, { username: 'admin', password: PASSWORD });
    const adminToken = (admin.body as { accessToken: string }).accessToken;
    const clerks = await createClerks(bases, adminToken, await firstTownship(bases[0], adminToken), clerkCount, PASSWORD);

    // what the figures depend on, read before the load (the machine's own load) and after it (the tables' statistics)
    const before = await describeEnvironment(databaseUrl());
    process.stderr.write(`  api load: warm-up ${WARM_UP_MS / 1000} s…\n`);
    const warmUp = await driveClerks(clerks, WARM_UP_MS);
    process.stderr.write(`  api load: ${clerkCount} clerks for ${seconds} s on ${processes} API process(es), as fast as answered…\n`);
    const apiPids = servers.map((s) => s.child.pid!);
    const pgPids = await benchPostgresPids(databaseUrl());
    const countersBefore = await databaseCounters(databaseUrl());
    const cpuBefore = sampleCpu(apiPids, pgPids);
    const started = Date.now();
    const measured = await driveClerks(clerks, seconds * 1000);
    const elapsed = (Date.now() - started) / 1000;
    const cpuAfter = sampleCpu(apiPids, pgPids);
    const countersAfter = await databaseCounters(databaseUrl());
    let paced: (ReturnType<typeof phase> & { offeredPerSec: number }) | null = null;
    let pacedTally: ClerkTally | null = null;
    if (pacedTarget > 0) {
      process.stderr.write(`  api load: the same clerks paced to ${pacedTarget} completions/s for ${seconds} s…\n`);
      const pacedStart = Date.now();
      pacedTally = await driveClerks(clerks, seconds * 1000, pacedTarget);
      paced = { ...phase(pacedTally, (Date.now() - pacedStart) / 1000), offeredPerSec: pacedTarget };
    }
    const tallies = [warmUp, measured, ...(pacedTally ? [pacedTally] : [])];
    const checks = await audit(tallies);
    const after = await describeEnvironment(databaseUrl());
    const c = measured.completions.summary();
    process.stdout.write(
      JSON.stringify({
        ...phase(measured, elapsed),
        clerks: clerkCount,
        apiProcesses: processes,
        cpuMsPerCompletion: cpuPerCompletion(cpuBefore, cpuAfter, c.count),
        databasePerCompletion: countersPerCompletion(countersBefore, countersAfter, c.count),
        paced,
        unexpected: tallies.flatMap((t) => t.unexpected).slice(0, 10),
        unexpectedCount: tallies.reduce((n, t) => n + t.unexpected.length, 0),
        checks,
        environment: { ...before, tables: after.tables, loadAverage1mAfter: after.loadAverage1m },
        lostOrDuplicated:
          checks.duplicatedAcknowledgements !== 0 ||
          checks.completionsAcknowledged !== checks.completionsInDatabase ||
          checks.formSubmissionsInDatabase !== checks.completionsInDatabase ||
          checks.casesStarted !== checks.casesInDatabase ||
          checks.inconsistentCases !== 0,
      }) + '\n',
    );
  } finally {
    closeConnections();
    await Promise.all(servers.map(stopApiServer));
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
