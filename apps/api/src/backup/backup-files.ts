import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as tar from 'tar';

/** sha256 of a file, streamed (attachments go up to 20 MB, database files much further) */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** every file under `dir`, as forward-slash paths relative to it, sorted */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

export async function describeFiles(dir: string): Promise<{ path: string; sha256: string; bytes: number }[]> {
  const out = [];
  for (const rel of listFiles(dir)) {
    const full = path.join(dir, rel);
    out.push({ path: rel, sha256: await sha256File(full), bytes: fs.statSync(full).size });
  }
  return out;
}

/** the named entries under `staging` → one .tar.gz, written beside `out` and renamed into place when whole */
export async function packArchive(staging: string, out: string, entries: string[]): Promise<void> {
  const partial = `${out}.partial`;
  try {
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true, noDirRecurse: true }, entries);
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** the archive's contents into `into`; entries that would land outside it (absolute, `..`) are refused by tar */
export async function unpackArchive(file: string, into: string): Promise<void> {
  fs.mkdirSync(into, { recursive: true });
  await tar.x({ file, cwd: into, strict: true, preservePaths: false });
}
