import { checkProcedures } from './bpmn-check';
import { checkFieldPermissions } from './field-permissions';
import { checkVariables, knownVariables } from './variable-check';
import { checkForms } from './form-check';
import { checkFeel, checkFormReferences, checkRoles } from './model-checks';
import type { PackageFiles } from './package-files';
import { byPosition, type Problem } from './problem';
import type { RoleSet } from './roles-source';

export interface ValidationReport {
  forms: number;
  procedures: number;
  problems: Problem[];
  /** likely mistakes the package alone cannot prove (see variable-check.ts) */
  warnings: Problem[];
}

/**
 * The whole package check: forms, procedures (engine), then what ties them together — form references,
 * candidate roles, FEEL. `extraFormKeys` are forms the target server already has (deploy may rely on them).
 */
export async function validatePackage(
  files: PackageFiles,
  roles: RoleSet,
  extraFormKeys: Iterable<string> = [],
): Promise<ValidationReport> {
  const forms = checkForms(files.forms);
  const procedures = await checkProcedures(files.bpmn);
  const formKeys = new Set([...forms.byKey.keys(), ...extraFormKeys]);
  const problems = [...forms.problems, ...procedures.problems];
  for (const p of procedures.processes) {
    problems.push(
      ...checkFormReferences(p, formKeys),
      ...checkRoles(p, roles.keys, roles.source),
      ...checkFeel(p),
      ...checkFieldPermissions(p, forms.byKey),
    );
  }
  const known = knownVariables(forms.byKey.values(), procedures.processes);
  const warnings = procedures.processes.flatMap((p) => checkVariables(p, known));
  return {
    forms: files.forms.length,
    procedures: files.bpmn.length,
    problems: problems.sort(byPosition),
    warnings: warnings.sort(byPosition),
  };
}
