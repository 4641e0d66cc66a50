import * as fs from 'fs';
import * as path from 'path';

/** The two-step approval used by the workflow suites: BPMN and its two forms, as deploy resources. */
export function approvalResources(): { name: string; content: string }[] {
  const dir = path.join(__dirname, '..', 'fixtures');
  return ['two-step-approval.bpmn', 'leave-application.form.json', 'principal-review.form.json'].map((name) => ({
    name,
    content: fs.readFileSync(path.join(dir, name), 'utf8'),
  }));
}

/** Named fixture files as deploy resources. */
export function resources(...names: string[]): { name: string; content: string }[] {
  const dir = path.join(__dirname, '..', 'fixtures');
  return names.map((name) => ({ name, content: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** The three-level reviewed case: a start form with starter roles, then principal → township → county. */
export const reviewedCase = () => resources('reviewed-case.bpmn', 'case-report.form.json', 'principal-review.form.json');
