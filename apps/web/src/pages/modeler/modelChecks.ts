/**
 * What the modeler checks before asking the server: the engine accepts a user task without a form or
 * with a role the county does not have, but nobody could then work the step, so the designer hears it here.
 */
import type { MessageKey } from '../../i18n/zh-CN';

export interface StepFacts {
  id: string;
  name: string | null;
  type: 'userTask' | 'startEvent';
  formId: string;
  /** a user task's candidate roles, a start event's starter roles */
  candidateGroups: string[];
  assignee: string;
}

export interface ModelProblem {
  elementId: string;
  message: MessageKey;
  params: Record<string, string>;
}

export function checkSteps(steps: StepFacts[], publishedForms: Set<string>, roles: Set<string>): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const s of steps) {
    const step = s.name || s.id;
    if (s.type === 'userTask' && !s.formId) problems.push({ elementId: s.id, message: 'modeler.check.noForm', params: { step } });
    if (s.formId && !publishedForms.has(s.formId)) {
      problems.push({ elementId: s.id, message: 'modeler.check.unknownForm', params: { step, form: s.formId } });
    }
    // A FEEL expression (=...) names roles at run time; only literal keys can be checked here.
    const literal = s.candidateGroups.filter((g) => !g.startsWith('='));
    for (const role of literal.filter((g) => !roles.has(g))) {
      problems.push({
        elementId: s.id,
        message: s.type === 'userTask' ? 'modeler.check.unknownRole' : 'modeler.check.unknownStarter',
        params: { step, role },
      });
    }
    if (s.type === 'userTask' && s.candidateGroups.length === 0 && !s.assignee)
      problems.push({ elementId: s.id, message: 'modeler.check.noRoles', params: { step } });
  }
  return problems;
}
