import { stopServer, type RunningServer } from './server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __kcbxServer?: RunningServer }).__kcbxServer;
  if (server) await stopServer(server);
}
