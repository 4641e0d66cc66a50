import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { printRefusal, runApiEntry } from '../database/api-entry';
import { EXIT } from '../errors';
import type { Io } from '../io';
import type { CountyPackage, ImportReport } from './county-package';
import { printImportReport } from './print-report';

/**
 * Loads a package straight into the database the server would use (DATABASE_URL, else DATA_DIR/kcbx.sqlite,
 * read from the environment like `npm start`), creating the county when the database has none: for a new
 * county's installation, where nobody can log in yet. Runs the API's county-package/seed-main entry, the same
 * import code the HTTP endpoint runs.
 */
export async function seedDatabase(io: Io, pkg: CountyPackage, opts: { dryRun: boolean; initialPassword?: string }): Promise<number> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-seed-')), 'package.json');
  fs.writeFileSync(file, JSON.stringify(pkg));
  try {
    // the password travels in the environment, not on a command line other users can list
    const outcome = (await runApiEntry<never>(io, 'county-package/seed-main', [file, ...(opts.dryRun ? ['--dry-run'] : [])], {
      KCBX_INITIAL_PASSWORD: opts.initialPassword ?? '',
    })) as { ok: boolean; report?: ImportReport; error?: string; message?: string; details?: unknown[] };
    if (!outcome.ok) return printRefusal(io, { error: outcome.error ?? '', message: outcome.message ?? '', details: outcome.details });
    printImportReport(io, outcome.report!);
    return EXIT.ok;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
