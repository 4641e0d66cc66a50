import * as fs from 'fs';
import * as path from 'path';

/** the version in the repository's package.json, found upward from here (sources or dist/out-tsc) */
export function appVersion(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (pkg.name === 'kcbx') return String(pkg.version);
    }
  }
  return 'unknown';
}

/** names of the migrations this code has, in order (what a database made by this version has applied) */
export function knownMigrations(migrations: readonly (new () => { name?: string })[]): string[] {
  return migrations.map((M) => new M().name ?? M.name);
}
