import 'reflect-metadata';
import { AppError } from '../common/app-error';
import { AppConfig, ConfigError, loadConfig } from '../config/app-config';

/**
 * The frame of a server-side entry the CLI runs (`npm run tools -- create-admin|backup|restore --database`):
 * configuration from the same environment as the server (DATABASE_URL, DATA_DIR), no demo seed, no job polling;
 * the outcome as ONE JSON line on stdout — `{ok: true, result}` or `{ok: false, error, message, details}` for a
 * refusal the user can act on — which the CLI reads and prints in both languages. Anything else is a crash
 * (stack on stderr, exit 2).
 */
export function runTool(work: (config: AppConfig, args: string[]) => Promise<unknown>): void {
  const main = async () => {
    const config = loadConfig({ ...process.env, SEED_DEMO: 'false', JOB_POLL_MS: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    try {
      const result = await work(config, process.argv.slice(2));
      process.stdout.write(`${JSON.stringify({ ok: true, result })}\n`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const line = { ok: false, error: e.code, message: `${e.text.zh} / ${e.text.en}`, details: e.details ?? [] };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      process.exitCode = 1;
    }
  };
  main().catch((err) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : (err?.stack ?? err)}\n`);
    process.exitCode = 2;
  });
}
