import express from 'express';
import * as fs from 'fs';
import * as path from 'path';

/** Vite names every file under assets/ after a hash of its content: a new release gets new names. */
const HASHED_DIR = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current release's files: the browser must ask again each time (a 304 is cheap). */
const REVALIDATE = 'no-cache';

/** The precompressed copies the web build writes beside each file (tools: apps/web/vite.config.mts). */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Which encodings the client accepts (q=0 refuses one), from an Accept-Encoding header. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

/**
 * The built SPA on the API's port. A phone on a slow line gets the smallest copy the build made (brotli, else
 * gzip, else plain) and keeps hashed files for a year without asking again; index.html is revalidated on every
 * visit so a new release is picked up at once. Any other non-API GET answers index.html (client-side routes).
 * Paths under /api never reach the disk.
 */
export function webAppMiddleware(webDist: string): express.RequestHandler | null {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return null;
  const root = path.resolve(webDist);
  const plain = express.static(root, {
    index: false,
    setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControl(root, file)),
  });
  const sendIndex = (res: express.Response) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(index);
  };

  return (req, res, next) => {
    if (req.path.startsWith('/api')) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Decoded, then resolved inside the build folder: "..", encoded or not, cannot leave it.
    let rel: string;
    try {
      rel = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.resolve(root, '.' + path.posix.normalize(rel));
    if (!file.startsWith(root + path.sep) || file === index) return sendIndex(res);
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    res.vary('Accept-Encoding');
    for (const enc of ENCODINGS) {
      if (!accepted.has(enc.name) || !isFile(file + enc.suffix) || !isFile(file)) continue;
      res.setHeader('Content-Encoding', enc.name);
      res.setHeader('Cache-Control', cacheControl(root, file));
      // The type of the original file, not of the .br/.gz copy.
      res.type(path.extname(file));
      return res.sendFile(file + enc.suffix, { cacheControl: false, lastModified: true });
    }
    // A missing hashed file (a tab left open across a release asks for an old chunk) is a 404, not the HTML page.
    plain(req, res, () => (rel.startsWith(HASHED_DIR) ? res.status(404).end() : sendIndex(res)));
  };
}

function cacheControl(root: string, file: string): string {
  const rel = '/' + path.relative(root, file).split(path.sep).join('/');
  return rel.startsWith(HASHED_DIR) ? IMMUTABLE : REVALIDATE;
}

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}
