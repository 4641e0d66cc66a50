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
