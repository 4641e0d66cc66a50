import * as path from 'path';
import { retentionOf } from '@kcbx/county-package';
import { checkProcedures } from './bpmn-check';
import { checkDecisionReferences, checkDecisions } from './decision-check';
import { checkFieldPermissions } from './field-permissions';
import { checkVariables, knownVariables } from './variable-check';
import { checkForms } from './form-check';
import { checkSharedDecisions } from './shared-decisions';
import { checkFeel, checkFormReferences, checkRoles } from './model-checks';
import type { PackageFiles, SourceFile } from './package-files';
import { byPosition, type Problem } from './problem';
import type { RoleSet } from './roles-source';
import { lineAt } from './xml-lines';

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
  const decisions = await checkDecisions(files.dmn);
  const formKeys = new Set([...forms.byKey.keys(), ...extraFormKeys]);
  const problems = [...forms.problems, ...procedures.problems, ...decisions.problems, ...files.bpmn.flatMap(checkHistoryRetention)];
  for (const p of procedures.processes) {
    problems.push(
      ...checkFormReferences(p, formKeys),
      ...checkRoles(p, roles.keys, roles.source),
      ...checkFeel(p),
      ...checkFieldPermissions(p, forms.byKey),
      ...checkDecisionReferences(p, decisions.ids),
    );
  }
  const known = knownVariables(forms.byKey.values(), procedures.processes);
  const warnings = procedures.processes.flatMap((p) => [...checkVariables(p, known), ...checkSharedDecisions(p, forms.byKey)]);
  return {
    forms: files.forms.length,
    procedures: files.bpmn.length,
    problems: problems.sort(byPosition),
    warnings: warnings.sort(byPosition),
  };
}

/** county-parameters.bpmn's historyRetention (read by the API's daily cleanup, not by a procedure) must be a period. */
function checkHistoryRetention(f: SourceFile): Problem[] {
  if (path.basename(f.file) !== 'county-parameters.bpmn') return [];
  try {
    retentionOf(f.text);
    return [];
  } catch {
    const value = /historyRetention\s*:\s*(?:&quot;|")([^"&]*)/.exec(f.text);
    return [
      {
        file: f.file,
        line: lineAt(f.text, value?.index ?? 0),
        code: 'HISTORY_RETENTION',
        zh: `historyRetention（办结事项运行明细保留期限）“${value?.[1] ?? ''}”不是 ISO 8601 期限，应写成 P3Y、P18M 之类`,
        en: `historyRetention "${value?.[1] ?? ''}" is not an ISO 8601 period such as P3Y or P18M`,
      },
    ];
  }
}
