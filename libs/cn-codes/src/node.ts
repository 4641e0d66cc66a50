// Server-side loading of the bundled division data (not for the browser bundle).
import * as fs from 'fs';
import * as path from 'path';
import { RegionIndex, RegionNode } from './regions';

export const DIVISIONS_DIR = path.join(__dirname, '..', 'data');

let shared: RegionIndex | undefined;

export function regionIndex(): RegionIndex {
  if (!shared) {
    const tree = JSON.parse(fs.readFileSync(path.join(DIVISIONS_DIR, 'pcas-code.json'), 'utf8')) as RegionNode[];
    shared = new RegionIndex(tree);
  }
  return shared;
}
