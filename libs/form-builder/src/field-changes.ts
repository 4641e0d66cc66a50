import { canonicalJson, type FormDefinition } from '@kcbx/forms';
import { isRequired } from './edit-field';
import { parentOf, scopeNames, walk } from './ui-paths';

export interface FieldChanges {
  added: string[];
  removed: string[];
  /** Same scope, different schema or control (label, limits, options, rule …). */
  changed: string[];
}

function fieldsOf(def: FormDefinition): Map<string, string> {
  const out = new Map<string, string>();
  walk(def.uiSchema, (e) => {
    if (e.type !== 'Control') return;
    const name = (scopeNames(e.scope) ?? [e.scope]).join('.');
    const at = parentOf(def, e.scope);
    const schema = at?.parent.properties?.[at.name];
    out.set(name, canonicalJson({ schema: schema ?? null, control: e, required: isRequired(def, e.scope) }));
  });
  return out;
}

/** What changed between two versions, field by field (a summary above the line diff). */
export function fieldChanges(before: FormDefinition, after: FormDefinition): FieldChanges {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)),
  };
}
