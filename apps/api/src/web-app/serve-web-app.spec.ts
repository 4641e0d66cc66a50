import express from 'express';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import request from 'supertest';
import * as zlib from 'zlib';
import { acceptedEncodings, webAppMiddleware } from './serve-web-app';

/** A build folder as vite writes it: index.html, a hashed script with its .br/.gz copies, a file without copies. */
function buildFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  const script = 'export const greeting = "你好";\n'.repeat(100);
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js.gz'), zlib.gzipSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'logo-def456.png'), Buffer.from([137, 80, 78, 71]));
  fs.writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\n');
  return dir;
}

function appOn(dir: string) {
  const app = express();
  app.use(webAppMiddleware(dir)!);
  app.get('/api/ping', (_req, res) => res.json({ pong: true }));
  return app;
}

describe('serving the built web app', () => {
  let dir: string;
  beforeAll(() => {
    dir = buildFolder();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('given a browser that accepts brotli, when it asks for a hashed script, then it gets the .br copy, typed as JavaScript and cached for a year', async () => {
    const res = await request(appOn(dir)).get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    // supertest decodes br: what arrives is the original script.
    expect(res.text).toContain('你好');
  });

  it('given a browser that accepts only gzip (Chromium over plain http), then it gets the .gz copy', async () => {
    const res = await request(appOn(dir)).get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toContain('你好');
  });

  it('given a client refusing both (q=0) or naming none, then it gets the plain file, still immutable', async () => {
    for (const header of ['br;q=0, gzip;q=0', '']) {
      const res = await request(appOn(dir)).get('/assets/index-abc123.js').set('Accept-Encoding', header);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.text).toContain('你好');
    }
  });

  it('given a hashed file the build did not compress (an image), then it is sent as it is, immutable', async () => {
    const res = await request(appOn(dir)).get('/assets/logo-def456.png').set('Accept-Encoding', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('when index.html, the root or a client-side route is asked for, then it is index.html revalidated every time', async () => {
    for (const url of ['/', '/index.html', '/tasks/123', '/students/abc?print=1']) {
      const res = await request(appOn(dir)).get(url);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('id="root"');
    }
  });

  it('when a file outside assets/ is asked for, then it is served and revalidated (its name has no hash)', async () => {
    const res = await request(appOn(dir)).get('/robots.txt');
    expect(res.text).toContain('User-agent');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('when a hashed file of an earlier release is missing, then 404, not the HTML page a script cannot run', async () => {
    const res = await request(appOn(dir)).get('/assets/index-old999.js');
    expect(res.status).toBe(404);
  });

  it('when a path climbs out of the build folder, then it gets index.html, never the file', async () => {
    const res = await request(appOn(dir)).get('/assets/..%2F..%2F..%2Fetc%2Fpasswd');
    expect(res.text).not.toContain('root:');
  });

  it('when an /api path is asked for, then the web app leaves it to the API', async () => {
    const res = await request(appOn(dir)).get('/api/ping');
    expect(res.body).toEqual({ pong: true });
  });

  it('given no build, then there is no middleware (the API runs alone)', () => {
    expect(webAppMiddleware(path.join(dir, 'missing'))).toBeNull();
  });

  it('reads Accept-Encoding with weights', () => {
    expect([...acceptedEncodings('gzip;q=0.8, br, identity;q=0')].sort()).toEqual(['br', 'gzip']);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });
});
