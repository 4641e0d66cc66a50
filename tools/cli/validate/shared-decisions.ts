import type { FormDefinition } from '@kcbx/forms';
import type { CheckedProcess } from './bpmn-check';
import { feelVariableNames } from './feel-syntax';
import type { Problem } from './problem';
import { lineOfSnippet } from './xml-lines';

/**
 * A warning: several user tasks submit the same variable (no output mapping, the field neither hidden nor
 * read-only) and a gateway decides on it. Each review then overwrites the one before, so a gateway can read
 * another step's decision, and each step's form used to open with it. The fix is an output mapping per step
 * (`<zeebe:output source="=decision" target="schoolDecision" />`) and a gateway reading its own step's variable.
 */
export function checkSharedDecisions(p: CheckedProcess, forms: Map<string, { definition: FormDefinition }>): Problem[] {
  const writers = new Map<string, string[]>();
  for (const el of p.model.elements.values()) {
    const task = el.userTask;
    if (!task?.formKey || el.outputs.length) continue;
    const form = forms.get(task.formKey.replace(/^camunda-forms:bpmn:/, ''))?.definition;
    for (const field of Object.keys(form?.schema?.properties ?? {})) {
      const permission = task.fieldPermissions[field];
      if (permission === 'hidden' || permission === 'readonly') continue; // the step cannot change it
      writers.set(field, [...(writers.get(field) ?? []), el.id]);
    }
  }
  const warnings: Problem[] = [];
  for (const flow of p.model.flows.values()) {
    const source = p.model.elements.get(flow.sourceId);
    if (!flow.condition || !source?.type.endsWith('Gateway')) continue;
    let names: string[];
    try {
      names = feelVariableNames(flow.condition);
    } catch {
      continue; // a syntax error is reported by the FEEL check
    }
    for (const name of names) {
      const steps = writers.get(name) ?? [];
      if (steps.length < 2) continue;
      warnings.push({
        file: p.file.file,
        line: lineOfSnippet(p.file.text, flow.id, name),
        elementId: flow.id,
        code: 'SHARED_STEP_VARIABLE',
        severity: 'warning',
        zh: `网关 ${source.id} 的条件读取“${name}”，而用户任务 ${steps.join('、')} 都会写入它且没有输出映射：可能读到其他环节的结论（请为每个环节加输出映射，如 ${steps[0]}${cap(name)}）`,
        en: `gateway ${source.id} decides on "${name}", which user tasks ${steps.join(', ')} all write without output mappings: it may read another step's answer (give each step an output mapping, e.g. ${steps[0]}${cap(name)})`,
      });
    }
  }
  return warnings;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
