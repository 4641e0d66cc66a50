import 'reflect-metadata';
import { Engine } from '@kcbx/engine';
import { TypeOrmStore } from '@kcbx/engine-store-typeorm';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source';

/**
 * The approval procedure (three user tasks) on our engine over the app's own SQLite configuration, every
 * command committed. Reports instances/s, task completions/s and the database bytes each completed instance
 * leaves behind (runtime + history + indexes). One JSON line on stdout.
 * Usage: node engine-sqlite.bench.js [instances=1000]
 */
const TENANT = 'bench';
const TASKS = 3;

async function main() {
  const count = Number(process.argv[2] ?? 1000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-engine-bench-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', JWT_SECRET: 'bench-'.padEnd(40, 'x') });
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  await ds.runMigrations();
  try {
    const engine = new Engine({ store: new TypeOrmStore(ds) });
    const root = path.join(__dirname, '..', '..', '..', '..', '..');
    const bpmn = fs.readFileSync(
      path.join(fs.existsSync(path.join(root, 'libs')) ? root : process.cwd(), 'libs/engine/bench/approval.bpmn'),
      'utf8',
    );
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval.bpmn', content: bpmn }] });
    const bytes = async () => {
      await ds.query('PRAGMA wal_checkpoint(TRUNCATE)');
      const [{ page_count }] = await ds.query('PRAGMA page_count');
      const [{ freelist_count }] = await ds.query('PRAGMA freelist_count');
      const [{ page_size }] = await ds.query('PRAGMA page_size');
      return (page_count - freelist_count) * page_size;
    };
    const once = async () => {
      const instance = await engine.startProcess({ tenantId: TENANT, key: 'benchApproval', startedBy: 'bench' });
      for (let i = 0; i < TASKS; i++) {
        const [task] = await engine.listTasks({ tenantId: TENANT, instanceId: instance.id });
        await engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'bench', variables: { step: i, ok: true } });
      }
    };
    // the settings the run used, as the connection reports them (the app's own, from data-source.ts)
    const pragma = async (name: string) => Object.values((await ds.query(`PRAGMA ${name}`))[0] ?? {})[0];
    const settings: Record<string, unknown> = {};
    for (const name of ['journal_mode', 'synchronous', 'wal_autocheckpoint', 'page_size', 'cache_size', 'busy_timeout'])
      settings[name] = await pragma(name);
    const [{ version }] = await ds.query('SELECT sqlite_version() AS version');
    settings.sqlite = version;
    // warm-up as long as the in-memory runners' (engine.bench.ts): caches, prepared statements, V8's compiled hot path
    const until = performance.now() + Number(process.env.BENCH_WARM_UP_MS ?? 3000);
    let warmUpInstances = 0;
    for (; warmUpInstances < 50 || performance.now() < until; warmUpInstances++) await once();
    const before = await bytes();
    const started = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < count; i++) await once();
    const cpu = process.cpuUsage(cpu0);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const after = await bytes();
    process.stdout.write(
      JSON.stringify({
        instances: count,
        seconds,
        instancesPerSec: count / seconds,
        completionsPerSec: (count * TASKS) / seconds,
        cpuSeconds,
        instancesPerCpuSec: count / cpuSeconds,
        bytesPerInstance: Math.round((after - before) / count),
        warmUpInstances,
        settings,
      }) + '\n',
    );
  } finally {
    await ds.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
