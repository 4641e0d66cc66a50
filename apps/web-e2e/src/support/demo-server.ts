import { BASE_URL_ENV } from './paths';
import { startServer, stopServer, type RunningServer } from './server';

/**
 * For a suite that walks the demo county as its users find it (package deployed, demo cases played): its own
 * server on its own data, so the cases it opens and finishes do not change what the other suites count on the
 * shared server. `baseUrl()` (pages and API calls) points at it for this file only; jest gives every test file
 * its own copy of process.env.
 */
export function useDemoServer(): void {
  let server: RunningServer | undefined;
  let shared: string | undefined;
  beforeAll(async () => {
    server = await startServer({ demoWorkflows: true });
    shared = process.env[BASE_URL_ENV];
    process.env[BASE_URL_ENV] = server.baseUrl;
  }, 180_000);
  afterAll(async () => {
    process.env[BASE_URL_ENV] = shared;
    if (server) await stopServer(server);
  });
}
