// Server-side loading of the bundled division data (not for the browser bundle).
import * as fs from 'fs';
import * as path from 'path';
import { RegionIndex, RegionNode } from './regions';

/** Beside the sources, or (when running compiled from dist/out-tsc) back in the source tree. */
export const DIVISIONS_DIR =
  [path.join(__dirname, '..', 'data'), path.join(__dirname, '..', '..', '..', '..', '..', 'libs', 'cn-codes', 'data')].find((dir) =>
    fs.existsSync(path.join(dir, 'pcas-code.json')),
  ) ?? path.join(__dirname, '..', 'data');

let shared: RegionIndex | undefined;

export function regionIndex(): RegionIndex {
  if (!shared) {
    const tree = JSON.parse(fs.readFileSync(path.join(DIVISIONS_DIR, 'pcas-code.json'), 'utf8')) as RegionNode[];
    shared = new RegionIndex(tree);
  }
  return shared;
}
