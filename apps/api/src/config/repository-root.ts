import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository root: the folder with nx.json above this file (sources) or above the compiled output
 * (dist/out-tsc/...), falling back to the working directory. The shipped packages live there.
 */
export function repositoryRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json')) && fs.existsSync(path.join(dir, 'workflows'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
