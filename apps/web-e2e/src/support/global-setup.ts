import { ensureBuilt } from './build';
import { BASE_URL_ENV } from './paths';
import { startServer } from './server';

export default async function globalSetup(): Promise<void> {
  ensureBuilt();
  const server = await startServer();
  process.env[BASE_URL_ENV] = server.baseUrl;
  (globalThis as { __kcbxServer?: unknown }).__kcbxServer = server;
}
