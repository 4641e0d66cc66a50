import { type FormDefinition, pointerTokens, toDataPath } from '@kcbx/forms';
import type { CheckedProcess } from './bpmn-check';
import type { Problem } from './problem';
import { lineOfSnippet } from './xml-lines';

const PERMISSIONS = ['writable', 'readonly', 'hidden'];

/** The sub-schemas a property may be declared in: the schema itself and its conditional/combined parts. */
function alternatives(schema: any, root: any, depth = 0): any[] {
  if (!schema || typeof schema !== 'object' || depth > 8) return [];
  if (typeof schema.$ref === 'string') {
    const target = pointerTokens(schema.$ref.replace(/^#/, '')).reduce((s: any, t) => s?.[t], root);
    return alternatives(target, root, depth + 1);
  }
  const parts = [schema.then, schema.else, ...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return [schema, ...parts.flatMap((p) => alternatives(p, root, depth + 1))];
}

/** Whether a data path ("/guardians/*\/name", "remarks") names something the form's schema declares. */
export function schemaHasPath(schema: Record<string, any>, path: string): boolean {
  let current: any[] = [schema];
  for (const token of pointerTokens(toDataPath(path))) {
    const next: any[] = [];
    for (const s of current.flatMap((c) => alternatives(c, schema))) {
      if (token === '*' || /^\d+$/.test(token)) {
        if (s.items) next.push(s.items);
      } else if (s.properties?.[token]) next.push(s.properties[token]);
    }
    if (next.length === 0) return false;
    current = next;
  }
  return true;
}

/**
 * A step's field permissions name fields of its form: a misspelt field would silently stay writable (or a
 * field meant to be hidden would show), and an unknown permission word would be ignored.
 */
export function checkFieldPermissions(p: CheckedProcess, forms: Map<string, { definition: FormDefinition }>): Problem[] {
  const problems: Problem[] = [];
  for (const el of p.model.elements.values()) {
    const spec = el.userTask ?? el.start;
    const form = spec?.formKey ? forms.get(spec.formKey.replace(/^camunda-forms:bpmn:/, '')) : undefined;
    if (!spec || !form) continue;
    for (const [field, permission] of Object.entries(spec.fieldPermissions)) {
      const line = lineOfSnippet(p.file.text, el.id, 'fieldPermissions');
      if (!PERMISSIONS.includes(permission)) {
        problems.push({
          file: p.file.file,
          line,
          elementId: el.id,
          code: 'FIELD_PERMISSION_INVALID',
          zh: `字段“${field}”的权限“${permission}”无效（应为 writable、readonly 或 hidden）`,
          en: `field "${field}" has permission "${permission}"; use writable, readonly or hidden`,
        });
      }
      if (!schemaHasPath(form.definition.schema, field)) {
        problems.push({
          file: p.file.file,
          line,
          elementId: el.id,
          code: 'FIELD_NOT_IN_FORM',
          zh: `字段权限中的“${field}”不是表单“${form.definition.key}”的字段`,
          en: `field permissions name "${field}", which is not a field of form "${form.definition.key}"`,
        });
      }
    }
  }
  return problems;
}
