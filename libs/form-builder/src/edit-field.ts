import {
  isCompoundCondition,
  schemaObject,
  type FormDefinition,
  type JsonSchemaObject,
  type LayoutElement,
  type LocalizedText,
  type Rule,
  type RuleCondition,
  type UiElement,
} from '@kcbx/forms';
import { elementAt, parentOf, scopeNames, scopeOf, walk, type UiPath } from './ui-paths';

/** One option of a choice field: its stored value and its caption in both languages. */
export interface ChoiceOption {
  value: string;
  label: LocalizedText;
}

/**
 * A change from the property panel. Absent keys are left alone; `null` removes. `schema` sets or removes
 * individual keywords of the field's schema (minLength, maximum, pattern, default, …).
 */
export interface FieldPatch {
  label?: LocalizedText;
  description?: LocalizedText | null;
  required?: boolean;
  schema?: Record<string, unknown>;
  options?: ChoiceOption[];
  rule?: Rule | null;
}

function choiceSchema(schema: JsonSchemaObject): JsonSchemaObject {
  return (schema.type === 'array' && schemaObject(schema.items)) || schema;
}

export function optionsOf(def: FormDefinition, path: UiPath): ChoiceOption[] | undefined {
  const control = elementAt(def.uiSchema, path);
  if (control?.type !== 'Control') return undefined;
  const at = parentOf(def, control.scope);
  const schema = schemaObject(at?.parent.properties?.[at.name]);
  if (!schema) return undefined;
  const values = choiceSchema(schema).enum;
  if (!Array.isArray(values)) return undefined;
  const labels = (control.options?.labels ?? {}) as Record<string, string | LocalizedText>;
  return values.map((v) => {
    const l = labels[String(v)];
    return { value: String(v), label: l === undefined ? { zh: String(v), en: String(v) } : typeof l === 'string' ? { zh: l, en: l } : l };
  });
}

export function isRequired(def: FormDefinition, scope: string): boolean {
  const at = parentOf(def, scope);
  return !!at && Array.isArray(at.parent.required) && at.parent.required.includes(at.name);
}

export function updateField(def: FormDefinition, path: UiPath, patch: FieldPatch): FormDefinition {
  const next = structuredClone(def);
  const control = elementAt(next.uiSchema, path);
  if (control?.type !== 'Control') throw new Error(`no field at [${path.join(',')}]`);
  const at = parentOf(next, control.scope);
  const schema = schemaObject(at?.parent.properties?.[at.name]);
  if (!at || !schema) throw new Error(`the schema has no property for ${control.scope}`);
  if (patch.label) {
    control.label = { ...patch.label };
    // The schema title is what other tools (and the API's messages) fall back to.
    if (patch.label.zh) schema.title = patch.label.zh;
  }
  if (patch.description === null) delete control.description;
  else if (patch.description) control.description = { ...patch.description };
  if (patch.required !== undefined) {
    const required = new Set<string>(Array.isArray(at.parent.required) ? at.parent.required : []);
    if (patch.required) required.add(at.name);
    else required.delete(at.name);
    if (required.size) at.parent.required = [...required];
    else delete at.parent.required;
  }
  for (const [keyword, value] of Object.entries(patch.schema ?? {})) {
    if (value === null || value === undefined || value === '') delete schema[keyword];
    else schema[keyword] = value;
  }
  if (patch.options) {
    choiceSchema(schema).enum = patch.options.map((o) => o.value);
    control.options = { ...(control.options ?? {}), labels: Object.fromEntries(patch.options.map((o) => [o.value, { ...o.label }])) };
  }
  if (patch.rule === null) delete control.rule;
  else if (patch.rule) control.rule = structuredClone(patch.rule);
  return next;
}

/** Group captions and the layout kind (a row of fields, a titled group or a column). */
export function updateLayout(
  def: FormDefinition,
  path: UiPath,
  patch: { label?: LocalizedText | null; type?: LayoutElement['type'] },
): FormDefinition {
  const next = structuredClone(def);
  const layout = elementAt(next.uiSchema, path) as LayoutElement | undefined;
  if (!layout || layout.type === ('Control' as string) || layout.type === ('Label' as string))
    throw new Error(`no layout at [${path.join(',')}]`);
  if (patch.type) layout.type = patch.type;
  if (patch.label === null) delete layout.label;
  else if (patch.label) layout.label = { ...patch.label };
  return next;
}

export function updateTitle(def: FormDefinition, title: LocalizedText): FormDefinition {
  return { ...structuredClone(def), title: { ...title } };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Renames the data key of a root-level field: the schema property, `required`, every control showing it and
 * every rule condition that reads it. Returns an error text instead when the name is taken or malformed.
 */
export function renameField(def: FormDefinition, path: UiPath, newName: string): FormDefinition | { error: 'invalid' | 'taken' } {
  const control = elementAt(def.uiSchema, path);
  if (control?.type !== 'Control') throw new Error(`no field at [${path.join(',')}]`);
  const names = scopeNames(control.scope);
  if (!names) return { error: 'invalid' };
  const oldName = names[names.length - 1];
  if (oldName === newName) return def;
  if (!NAME.test(newName)) return { error: 'invalid' };
  const next = structuredClone(def);
  const at = parentOf(next, control.scope);
  if (!at?.parent.properties) return { error: 'invalid' };
  if (newName in at.parent.properties) return { error: 'taken' };
  // Keep the property order (the order JSON views and diffs show).
  at.parent.properties = Object.fromEntries(Object.entries(at.parent.properties).map(([k, v]) => [k === oldName ? newName : k, v]));
  if (Array.isArray(at.parent.required)) at.parent.required = at.parent.required.map((r: string) => (r === oldName ? newName : r));
  const oldScope = control.scope;
  const newScope = scopeOf([...names.slice(0, -1), newName]);
  const retarget = (scope: string) =>
    scope === oldScope ? newScope : scope.startsWith(oldScope + '/') ? newScope + scope.slice(oldScope.length) : scope;
  walk(next.uiSchema, (e: UiElement) => {
    if (e.type === 'Control') e.scope = retarget(e.scope);
    if (e.rule) retargetCondition(e.rule.condition, retarget);
  });
  return next;
}

export function updateNote(def: FormDefinition, path: UiPath, text: LocalizedText): FormDefinition {
  const next = structuredClone(def);
  const note = elementAt(next.uiSchema, path);
  if (note?.type !== 'Label') throw new Error(`no note at [${path.join(',')}]`);
  note.text = { ...text };
  return next;
}

/** Points a condition (and the conditions it joins) at the renamed field's new scope. */
function retargetCondition(condition: RuleCondition, retarget: (scope: string) => string): void {
  if (isCompoundCondition(condition)) condition.conditions.forEach((c) => retargetCondition(c, retarget));
  else if (condition.scope) condition.scope = retarget(condition.scope);
}
