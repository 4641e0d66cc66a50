import * as fs from 'fs';
import * as path from 'path';
import { CliError } from '../errors';

export interface RoleSet {
  keys: Set<string>;
  /** where the roles came from, named in messages */
  source: string;
}

/** The Xiji county folder: its forms and procedures sit at the top of the repository (forms/, workflows/). */
export const DEFAULT_COUNTY = '640422';

/**
 * A roles file is the package's `roles.json`: an array of role keys, or of `{key, name, …}` objects (what
 * `export` writes), or `{roles: [...]}`.
 */
export function readRolesFile(file: string, cwd: string): RoleSet {
  const shown = path.relative(cwd, file) || file;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(
      `无法读取角色文件 ${shown}：${(e as Error).message}`,
      `cannot read the roles file ${shown}: ${(e as Error).message}`,
    );
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { roles?: unknown })?.roles;
  if (!Array.isArray(list)) {
    throw new CliError(
      `角色文件 ${shown} 应为角色数组，或 {"roles": [...]}`,
      `the roles file ${shown} must be an array of roles or {"roles": [...]}`,
    );
  }
  const keys = new Set<string>();
  for (const [i, r] of list.entries()) {
    const key = typeof r === 'string' ? r : (r as { key?: unknown })?.key;
    if (typeof key !== 'string' || !key) {
      throw new CliError(`角色文件 ${shown} 第 ${i + 1} 项没有 key`, `entry ${i + 1} of the roles file ${shown} has no key`);
    }
    keys.add(key);
  }
  return { keys, source: shown };
}

/**
 * Which county's roles a package is checked against: `--roles <file>`; else `--county <code>` →
 * counties/<code>/roles.json; else a roles.json in a named folder or its parent (`validate counties/640423`,
 * `validate counties/640423/forms …`); else the default county's counties/640422/roles.json.
 */
export function findRoles(opts: { rolesFile?: string; county?: string; paths: string[]; cwd: string }): RoleSet {
  const { cwd } = opts;
  if (opts.rolesFile) {
    const file = path.resolve(cwd, opts.rolesFile);
    if (!fs.existsSync(file)) throw new CliError(`找不到角色文件 ${opts.rolesFile}`, `roles file ${opts.rolesFile} does not exist`);
    return readRolesFile(file, cwd);
  }
  const candidates: string[] = [];
  if (opts.county) candidates.push(path.join(cwd, 'counties', opts.county, 'roles.json'));
  else {
    for (const p of opts.paths) {
      const abs = path.resolve(cwd, p);
      candidates.push(path.join(abs, 'roles.json'), path.join(path.dirname(abs), 'roles.json'));
    }
    candidates.push(path.join(cwd, 'counties', DEFAULT_COUNTY, 'roles.json'));
  }
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (!found) {
    throw new CliError(
      `找不到本县的角色文件（已查找：${candidates.map((c) => path.relative(cwd, c)).join('、')}）；请用 --roles <文件> 或 --county <代码> 指定`,
      `no roles file found (looked for ${candidates.map((c) => path.relative(cwd, c)).join(', ')}); name one with --roles <file> or --county <code>`,
    );
  }
  return readRolesFile(found, cwd);
}
