import * as fs from 'fs';
import * as path from 'path';
import { CliError } from '../errors';
import { collectPackageFiles } from '../validate/package-files';
import { type CountyPackage, PACKAGE_FORMAT, type PackageUser } from './county-package';
import { readVisitAssignments, VISIT_ASSIGNMENTS_FILE, visitAssignmentsCsv } from './visit-assignments-file';

/**
 * A county package on disk, one file per part so a policy clerk can read and diff it:
 *   county.json      {format, tenant: {code, name}}   (a flat {code, name} is read too)
 *   org-units.json   [{code, name, kind, parentCode}]   parents before children
 *   roles.json       [{key, name, nameEn, permissions}]
 *   users.json       [{username, displayName, phone, active, roles: [{role, orgUnit}]}]   no passwords
 *   forms/<key>.form.json, workflows/<name>.bpmn
 *   visit-assignments.csv   the 包抓 分工 list (姓名, 账号, 科室, 包抓乡镇, 联系学校), when the county has one
 */
export const PACKAGE_FILES = { county: 'county.json', orgUnits: 'org-units.json', roles: 'roles.json', users: 'users.json' } as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** county.json as the shipped packages write it */
export const countyFile = (tenant: { code: string; name: string }) => ({
  format: PACKAGE_FORMAT,
  tenant: { code: tenant.code, name: tenant.name },
});

export function writePackageDir(dir: string, pkg: CountyPackage): { files: number } {
  fs.mkdirSync(path.join(dir, 'forms'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'workflows'), { recursive: true });
  fs.writeFileSync(path.join(dir, PACKAGE_FILES.county), json(countyFile(pkg.tenant)));
  fs.writeFileSync(path.join(dir, PACKAGE_FILES.orgUnits), json(pkg.orgUnits));
  fs.writeFileSync(path.join(dir, PACKAGE_FILES.roles), json(pkg.roles));
  fs.writeFileSync(path.join(dir, PACKAGE_FILES.users), json(pkg.users));
  for (const form of pkg.forms) fs.writeFileSync(path.join(dir, 'forms', `${safeName(String(form.key))}.form.json`), json(form));
  for (const wf of pkg.workflows) fs.writeFileSync(path.join(dir, 'workflows', safeName(wf.name)), wf.content);
  const assignments = pkg.visitAssignments ?? [];
  if (assignments.length > 0) fs.writeFileSync(path.join(dir, VISIT_ASSIGNMENTS_FILE), visitAssignmentsCsv(assignments, pkg.users));
  return { files: 4 + pkg.forms.length + pkg.workflows.length + (assignments.length > 0 ? 1 : 0) };
}

/** names come from the server; a name must never lead out of the package folder */
function safeName(name: string): string {
  const base = path.basename(name);
  if (!/^[\w.\u4e00-\u9fa5-]+$/.test(base) || base.startsWith('.'))
    throw new CliError(`不安全的文件名：${name}`, `unsafe file name: ${name}`);
  return base;
}

function readJson<T>(file: string, cwd: string): T {
  const shown = path.relative(cwd, file) || file;
  if (!fs.existsSync(file)) throw new CliError(`数据包缺少文件 ${shown}`, `the package has no ${shown}`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new CliError(`${shown} 不是有效的 JSON：${(e as Error).message}`, `${shown} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Reads a package folder. Forms and procedures come from its forms/ and workflows/ folders, or from the
 * folders given (Xiji keeps its county data in counties/640422/ and its forms and procedures at the top of
 * the repository). Forms are sent as written; the server checks them again.
 */
export function readPackageDir(dir: string, cwd: string, sources: { forms?: string[]; workflows?: string[] } = {}): CountyPackage {
  const file = readJson<{ tenant?: { code?: string; name?: string }; code?: string; name?: string }>(
    path.join(dir, PACKAGE_FILES.county),
    cwd,
  );
  const county = file.tenant ?? file;
  if (typeof county.code !== 'string' || typeof county.name !== 'string') {
    const shown = path.relative(cwd, path.join(dir, PACKAGE_FILES.county));
    throw new CliError(`${shown} 须包含 tenant.code 与 tenant.name`, `${shown} needs tenant.code and tenant.name`);
  }
  const optional = <T>(file: string, fallback: T): T =>
    fs.existsSync(path.join(dir, file)) ? readJson<T>(path.join(dir, file), cwd) : fallback;
  const inDir = (sub: string) => (fs.existsSync(path.join(dir, sub)) ? [path.join(dir, sub)] : []);
  const formDirs = sources.forms ?? inDir('forms');
  const workflowDirs = sources.workflows ?? inDir('workflows');
  const forms = collectPackageFiles(formDirs, cwd).forms.map((f) => {
    try {
      return JSON.parse(f.text) as Record<string, unknown>;
    } catch (e) {
      throw new CliError(
        `${f.file} 不是有效的 JSON（先运行 validate）：${(e as Error).message}`,
        `${f.file} is not valid JSON (run validate first): ${(e as Error).message}`,
      );
    }
  });
  const procedureFiles = collectPackageFiles(workflowDirs, cwd);
  // decision tables travel with the procedures that call them (deployed first, so a case never calls a missing one)
  const workflows = [...procedureFiles.dmn, ...procedureFiles.bpmn].map((f) => ({ name: path.basename(f.file), content: f.text }));
  const users = optional<PackageUser[]>(PACKAGE_FILES.users, []);
  const assignmentsFile = path.join(dir, VISIT_ASSIGNMENTS_FILE);
  return {
    format: PACKAGE_FORMAT,
    tenant: { code: county.code, name: county.name },
    orgUnits: optional(PACKAGE_FILES.orgUnits, []),
    roles: optional(PACKAGE_FILES.roles, []),
    users,
    forms,
    workflows,
    ...(fs.existsSync(assignmentsFile) ? { visitAssignments: readVisitAssignments(assignmentsFile, users, cwd) } : {}),
  };
}
