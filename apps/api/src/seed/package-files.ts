import * as fs from 'fs';
import * as path from 'path';
import { repositoryRoot } from '../config/repository-root';

/** A deployable resource, as `POST /api/deployments` takes it. */
export interface PackageResource {
  name: string;
  content: string;
}

export { repositoryRoot };

/**
 * Where a county's procedures live: the demo county (西吉县) at the repository root, every other county in
 * counties/<code>/ when it ships its own forms/ and workflows/ (otherwise it uses the root package).
 */
export function packageDir(countyCode: string, root = repositoryRoot()): string {
  const own = path.join(root, 'counties', countyCode);
  return fs.existsSync(path.join(own, 'workflows')) ? own : root;
}

/** forms/*.form.json, workflows/*.bpmn and the decision tables workflows/*.dmn of a package folder, sorted by name (a stable deployment). */
export function packageResources(dir: string): PackageResource[] {
  const read = (sub: string, suffix: string) => {
    const folder = path.join(dir, sub);
    if (!fs.existsSync(folder)) return [];
    return fs
      .readdirSync(folder)
      .filter((f) => f.endsWith(suffix))
      .sort()
      .map((f) => ({ name: f, content: fs.readFileSync(path.join(folder, f), 'utf8') }));
  };
  return [...read('forms', '.form.json'), ...read('workflows', '.dmn'), ...read('workflows', '.bpmn')];
}
