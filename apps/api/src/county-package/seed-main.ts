import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import * as fs from 'fs';
import { AppModule } from '../app.module';
import { AppError } from '../common/app-error';
import { ConfigError, loadConfig } from '../config/app-config';
import { bootstrapCounty } from './county-bootstrap';

/**
 * `npm run tools -- seed --database` runs this compiled file: the database from DATABASE_URL / DATA_DIR (as
 * the server), the package as a JSON file (argv[2]); prints the import report as one JSON line on stdout.
 * The demo county is not seeded and no timers are polled here: this process only loads a package.
 */
async function main() {
  const [file, ...flags] = process.argv.slice(2);
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  const config = loadConfig({ ...process.env, SEED_DEMO: 'false', JOB_POLL_MS: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    const report = await bootstrapCounty(app, pkg, {
      initialPassword: process.env.KCBX_INITIAL_PASSWORD || undefined,
      dryRun: flags.includes('--dry-run'),
    });
    process.stdout.write(`${JSON.stringify({ ok: true, report })}\n`);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    process.stdout.write(
      `${JSON.stringify({ ok: false, error: e.code, message: `${e.text.zh} / ${e.text.en}`, details: e.details ?? [] })}\n`,
    );
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : (err?.stack ?? err)}\n`);
  process.exitCode = 2;
});
