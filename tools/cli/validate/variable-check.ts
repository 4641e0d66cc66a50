import type { FormDefinition } from '@kcbx/forms';
import type { CheckedProcess } from './bpmn-check';
import { feelVariableNames } from './feel-syntax';
import { expressionsOf } from './model-checks';
import type { Problem } from './problem';
import { lineOfSnippet } from './xml-lines';

/** Variables the API sets on every case it starts (process start, ledger persuasion). */
export const SYSTEM_VARIABLES = ['orgUnit', 'startedBy', 'studentId', 'studentName', 'ledgerEntryId'];

/** Every name a variable can get in this package: form fields (submitted fields become variables), mapping targets, … */
export function knownVariables(forms: Iterable<{ definition: FormDefinition }>, processes: CheckedProcess[]): Set<string> {
  const known = new Set(SYSTEM_VARIABLES);
  for (const { definition } of forms) for (const key of Object.keys(definition.schema?.properties ?? {})) known.add(key);
  for (const p of processes) {
    for (const el of p.model.elements.values()) {
      for (const m of [...el.inputs, ...el.outputs]) known.add(m.target);
      if (el.script) known.add(el.script.resultVariable);
      if (el.decision) known.add(el.decision.resultVariable);
      const mi = el.multiInstance;
      for (const name of [mi?.inputElement, mi?.outputElement, mi?.outputCollection]) if (name) known.add(name);
    }
  }
  return known;
}

/**
 * A warning, not an error: an expression reading a name that no form, mapping or the system ever sets is
 * usually a typo (`decison`), which would only show at run time as an incident. It may also be a variable
 * given when the case is started or a message arrives, which the package cannot know — hence a warning.
 */
export function checkVariables(p: CheckedProcess, known: Set<string>): Problem[] {
  const warnings: Problem[] = [];
  for (const e of expressionsOf(p.model)) {
    let names: string[];
    try {
      names = feelVariableNames(e.source);
    } catch {
      continue; // a syntax error is reported by the FEEL check
    }
    for (const name of names.filter((n) => !known.has(n))) {
      warnings.push({
        file: p.file.file,
        line: lineOfSnippet(p.file.text, e.id, name),
        elementId: e.id,
        code: 'FEEL_UNKNOWN_VARIABLE',
        severity: 'warning',
        zh: `${e.what.zh}读取的变量“${name}”不是任何表单字段、映射结果或系统变量（是否拼写错误？若由发起或消息传入，可忽略）`,
        en: `the ${e.what.en} reads "${name}", which no form field, mapping or system variable provides (a typo? ignore it if the case is started or messaged with it)`,
      });
    }
  }
  return warnings;
}
