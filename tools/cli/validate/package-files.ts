import * as fs from 'fs';
import * as path from 'path';
import { CliError } from '../errors';

export interface SourceFile {
  /** as shown to the user: relative to the working directory */
  file: string;
  absolute: string;
  text: string;
}

export interface PackageFiles {
  forms: SourceFile[];
  bpmn: SourceFile[];
  /** decision tables the procedures call */
  dmn: SourceFile[];
}

export const isFormFile = (name: string) => name.endsWith('.form.json');
export const isBpmnFile = (name: string) => name.endsWith('.bpmn') || name.endsWith('.bpmn20.xml');
export const isDmnFile = (name: string) => name.endsWith('.dmn');

/**
 * The forms and procedures under the given files or folders (folders are walked recursively, so a county
 * folder with forms/ and workflows/ inside can be named at once). A path that does not exist is an error:
 * a typo must not pass as "nothing to check".
 */
export function collectPackageFiles(paths: string[], cwd: string): PackageFiles {
  const found: PackageFiles = { forms: [], bpmn: [], dmn: [] };
  const seen = new Set<string>();
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const name = path.basename(absolute);
    const list = isFormFile(name) ? found.forms : isBpmnFile(name) ? found.bpmn : isDmnFile(name) ? found.dmn : null;
    if (!list) return;
    list.push({ file: path.relative(cwd, absolute) || name, absolute, text: fs.readFileSync(absolute, 'utf8') });
  };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) add(full);
    }
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    if (!fs.existsSync(absolute)) throw new CliError(`找不到 ${given}`, `${given} does not exist`);
    if (fs.statSync(absolute).isDirectory()) walk(absolute);
    else add(absolute);
  }
  return found;
}
