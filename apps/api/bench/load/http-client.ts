import * as http from 'http';

/**
 * A minimal JSON client over keep-alive sockets. The load generator shares two cores with the API and
 * PostgreSQL, so it must cost as little CPU per request as possible: node's http module with a pooled agent
 * costs a fraction of what `fetch` does.
 */
// Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout closes them: otherwise a paced
// clerk can send on a socket the server is closing that very moment (ECONNRESET).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

export interface Reply {
  status: number;
  body: unknown;
  ms: number;
}

export function request(base: string, method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string | number> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = payload.length;
  }
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          /* keep the text: an error page is still worth showing */
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, ms });
      });
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Like `request`, but any status other than the expected one is an error that names the call. */
export async function expectStatus(
  expected: number,
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Reply> {
  const reply = await request(base, method, path, token, body);
  if (reply.status !== expected) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 500)}`);
  return reply;
}

export function closeConnections(): void {
  agent.destroy();
}
