import * as fs from 'fs';
import * as path from 'path';

/**
 * The shared corpora live in `shared/` beside the repository (CI lays a copy there). A checkout elsewhere
 * (e.g. a clean clone under /tmp) finds it through KCBX_SHARED_DIR or the workplace's /work/shared.
 */
export function sharedDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'nx.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const candidates = [process.env.KCBX_SHARED_DIR, path.resolve(dir, '..', 'shared'), '/work/shared'].filter((d): d is string => !!d);
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'corpus')));
  if (!found) throw new Error(`shared corpus not found (looked in ${candidates.join(', ')}); set KCBX_SHARED_DIR`);
  return found;
}
