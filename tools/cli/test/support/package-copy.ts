import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const FIXTURE_PACKAGE = path.join(__dirname, '..', 'fixtures', 'package');

/** A private copy of the fixture package that a test may break; removed by the returned cleanup. */
export function copyPackage(): {
  dir: string;
  edit(file: string, from: string | RegExp, to: string): void;
  remove(file: string): void;
  cleanup(): void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-cli-pkg-'));
  fs.cpSync(FIXTURE_PACKAGE, dir, { recursive: true });
  return {
    dir,
    edit(file, from, to) {
      const full = path.join(dir, file);
      const before = fs.readFileSync(full, 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`test setup: ${String(from)} not found in ${file}`);
      fs.writeFileSync(full, after);
    },
    remove: (file) => fs.rmSync(path.join(dir, file)),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
