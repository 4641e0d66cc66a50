import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** Where attachment bytes live. Local disk by default; an S3-compatible store can implement the same. */
export interface FileStore {
  put(bytes: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
}

/** Content-addressed files under DATA_DIR/files/ab/cdef…; the same upload twice is stored once. */
export class LocalDiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `${sha256.slice(0, 2)}/${sha256.slice(2)}`;
    const file = path.join(this.root, key);
    if (!fs.existsSync(file)) {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, file); // atomic: a crash never leaves half a file under the real name
    }
    return { key, sha256 };
  }

  async get(key: string) {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{62}$/.test(key)) throw new Error(`bad file key ${key}`);
    return fs.promises.readFile(path.join(this.root, key));
  }
}

export const FILE_STORE = Symbol('FILE_STORE');
