import 'reflect-metadata';
import { makeResidentId } from '@kcbx/cn-codes';
import { syntheticChildren } from '@kcbx/demo-data';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { compareRegisters, runNamed } from '../src/comparison/comparisons.repository';
import { REFERENCE_QUERIES, schoolAgeWindow } from '../src/comparison/comparison-queries';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source';

/**
 * One measurement (run in its own process so peak memory is its own): fill the four registers with
 * `children` synthetic household records (95% registered, 2% not in school, 10% poor), then time our
 * comparison and the plain SQL joins on the same database, and check they agree exactly.
 * Usage: node comparison.bench.js <sqlite|postgres> <children>
 */
const REFERENCE_DATE = '2026-09-01';
const COLUMNS = ['tenantId', 'importId', 'rowNo', 'idNumber', 'name', 'sex', 'birthDate', 'township'];

async function main() {
  const [kind, sizeText] = process.argv.slice(2);
  const children = Number(sizeText);
  const { ds, drop } = await openDatabase(kind as 'sqlite' | 'postgres');
  try {
    const ids = { household: randomUUID(), student: randomUUID(), enrolment: randomUUID(), poverty: randomUUID() };
    const fillStarted = Date.now();
    const counts = await fill(ds, children, ids);
    const fillMs = Date.now() - fillStarted;
    const window = schoolAgeWindow(REFERENCE_DATE);
    const inputs = { ...ids, ...window };

    const oursStarted = Date.now();
    const comparisonId = randomUUID();
    const ours = await ds.transaction((m) => compareRegisters(m, 'bench', comparisonId, inputs));
    const oursMs = Date.now() - oursStarted;

    const refStarted = Date.now();
    const reference: Record<string, string[]> = {};
    for (const [k, sql] of Object.entries(REFERENCE_QUERIES)) {
      reference[k] = ((await runNamed(ds.manager, sql!, inputs)) as { idNumber: string }[]).map((r) => r.idNumber);
    }
    const refMs = Date.now() - refStarted;

    let agrees = true;
    for (const [k, ids2] of Object.entries(reference)) {
      const mine = (await ds.query(
        `SELECT "idNumber" FROM comparison_finding WHERE "comparisonId" = '${comparisonId}' AND kind = '${k}'`,
      )) as { idNumber: string }[];
      const a = mine.map((r) => r.idNumber).sort();
      const b = [...ids2].sort();
      if (a.length !== b.length || a.some((id, i) => id !== b[i])) agrees = false;
    }
    const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(JSON.stringify({ kind, children, ...counts, fillMs, oursMs, refMs, agrees, peakMiB, findings: ours }) + '\n');
  } finally {
    await ds.destroy();
    await drop();
  }
}

async function openDatabase(kind: 'sqlite' | 'postgres') {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-bench-'));
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', JWT_SECRET: 'bench-'.padEnd(40, 'x') });
    const ds = new DataSource(dataSourceOptions(config));
    await ds.initialize();
    await ds.runMigrations();
    return { ds, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `kcbx_bench_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const ds = new DataSource(
    dataSourceOptions(
      loadConfig({ DATABASE_URL: url.toString(), DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent', JWT_SECRET: 'bench-'.padEnd(40, 'x') }),
    ),
  );
  await ds.initialize();
  await ds.runMigrations();
  return {
    ds,
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Streams the synthetic registers into register_entry in large batches; returns the row counts. */
async function fill(ds: DataSource, children: number, ids: Record<'household' | 'student' | 'enrolment' | 'poverty', string>) {
  const counts = { household: 0, student: 0, enrolment: 0, poverty: 0 };
  const extra = new Set<string>();
  // Bulk load without the index, then build it once (as a DBA would for a load this size).
  await ds.query('DROP INDEX ix_register_entry_import_id');
  let batch: unknown[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    await insertRows(ds, batch);
    batch = [];
  };
  const add = async (source: keyof typeof ids, r: { idNumber: string; name: string; birthDate: string; township: string }) => {
    counts[source]++;
    batch.push(['bench', ids[source], counts[source] + 1, r.idNumber, r.name, null, r.birthDate, r.township]);
    if (batch.length >= 5000) await flush();
  };
  for (const c of syntheticChildren({ children, registeredShare: 0.95, dropoutShare: 0.02, povertyShare: 0.1, referenceYear: 2026 })) {
    await add('household', c.row);
    if (c.registered) {
      // A few registrations with a changed name, and a few whose ID the household register does not know.
      const misnamed = counts.student % 300 === 299;
      await add('student', misnamed ? { ...c.row, name: `${c.row.name}改` } : c.row);
      if (counts.student % 400 === 0) {
        const idNumber = makeResidentId('640402', c.row.birthDate, (extra.size * 2) % 1000, 'male');
        if (!extra.has(idNumber)) await add('student', { ...c.row, idNumber });
        extra.add(idNumber);
      }
    }
    if (c.enrolled) await add('enrolment', c.row);
    if (c.poor) await add('poverty', c.row);
  }
  await flush();
  await ds.query('CREATE INDEX ix_register_entry_import_id ON register_entry ("importId", "idNumber")');
  await ds.query('ANALYZE register_entry');
  return counts;
}

async function insertRows(ds: DataSource, rows: unknown[][]) {
  if (ds.options.type === 'postgres') {
    const columns = COLUMNS.map((_, i) => rows.map((r) => r[i]));
    const types = ['text', 'text', 'int', 'text', 'text', 'text', 'text', 'text'];
    await ds.query(
      `INSERT INTO register_entry (${COLUMNS.map((c) => `"${c}"`).join(',')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(',')})`,
      columns,
    );
    return;
  }
  await ds.transaction(async (m) => {
    const perStatement = 500;
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const placeholders = chunk.map(() => `(${COLUMNS.map(() => '?').join(',')})`).join(',');
      await m.query(`INSERT INTO register_entry (${COLUMNS.map((c) => `"${c}"`).join(',')}) VALUES ${placeholders}`, chunk.flat());
    }
  });
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
