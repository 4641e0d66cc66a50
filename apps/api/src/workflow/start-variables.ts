import { Errors } from '../common/app-error';
import { NOT_DATA_NAMES } from '../common/http-hardening';

export { NOT_DATA_NAMES };

/**
 * What a client may put into a new case (issue #14 point 1). The platform links a case to its ledger entry, org
 * unit, starter and student name itself; a client naming them could point a case at another school's data (a
 * teacher's case signing off another school's ledger entry). With a start form, the form's fields come in
 * `data` (validated like a task form) and `variables` may only carry the documented system variable
 * `studentId` (checked against the caller's scope). Without one, `variables` are the case's inputs, minus
 * what the platform sets.
 */
export const CLIENT_SYSTEM_VARIABLES = ['studentId'] as const;

/** Set by the platform only: ledger links, the case itself, who and where it started. */
export const PLATFORM_VARIABLES = ['ledgerEntryId', 'caseId', 'orgUnit', 'startedBy', 'studentName'] as const;

export function clientStartVariables(input: { variables?: Record<string, unknown> }, hasStartForm: boolean): Record<string, unknown> {
  const given = input.variables ?? {};
  const out: Record<string, unknown> = Object.create(null);
  const refused: { field: string; keyword: string; message: { zh: string; en: string } }[] = [];
  for (const name of Object.keys(given)) {
    const field = `variables.${name}`;
    if (NOT_DATA_NAMES.has(name)) {
      refused.push({ field, keyword: 'reserved', message: { zh: `${name} 不能作为变量名`, en: `${name} cannot be a variable name` } });
    } else if ((PLATFORM_VARIABLES as readonly string[]).includes(name)) {
      refused.push({
        field,
        keyword: 'platformVariable',
        message: { zh: `${name} 由平台设置，不能在发起时指定`, en: `${name} is set by the platform, not at the start` },
      });
    } else if (hasStartForm && !(CLIENT_SYSTEM_VARIABLES as readonly string[]).includes(name)) {
      refused.push({
        field,
        keyword: 'startForm',
        message: { zh: `${name} 须通过发起表单填写`, en: `${name} is filled in through the start form` },
      });
    } else out[name] = given[name];
  }
  if (refused.length) throw Errors.validation(refused);
  return { ...out };
}
