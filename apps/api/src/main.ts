import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  // One plain line for people starting it from a terminal; everything else is JSON logs.
  process.stdout.write(`\n控辍保学工作平台 ready: ${url}  (API docs ${url}/api/docs, database ${config.database.kind})\n\n`);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`failed to start: ${err?.stack ?? err}\n`);
  }
  process.exit(1);
});
