import { schemaObject, type FormDefinition, type JsonSchemaObject } from '@kcbx/forms';
import { elementAt, scopeOf, walk, type UiPath } from './ui-paths';

function tokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The canvas element a definition problem belongs to, from its JSON pointer (what parseFormDefinition and
 * the publish endpoint report), so the builder can show the message at the field rather than in a list.
 * `/uiSchema/elements/2/elements/0/label/en` → [2, 0]; `/schema/properties/age/maximum` → the control of `age`.
 * Undefined when the problem is about the form as a whole.
 */
export function locateIssue(def: FormDefinition, pointer: string): UiPath | undefined {
  const t = tokens(pointer);
  if (t[0] === 'uiSchema') {
    const path: UiPath = [];
    for (let i = 1; i + 1 < t.length && t[i] === 'elements' && /^\d+$/.test(t[i + 1]); i += 2) path.push(Number(t[i + 1]));
    return elementAt(def.uiSchema, path) ? path : undefined;
  }
  if (t[0] === 'schema') {
    // Walk /schema/properties/a/properties/b/... as far as it names properties; `required/i` names one too.
    const names: string[] = [];
    let node: JsonSchemaObject | undefined = def.schema;
    for (let i = 1; i < t.length; i += 2) {
      const child = t[i] === 'properties' && t[i + 1] !== undefined ? node?.properties?.[t[i + 1]] : undefined;
      if (child) {
        names.push(t[i + 1]);
        node = schemaObject(child);
      } else if (t[i] === 'required' && /^\d+$/.test(t[i + 1] ?? '') && Array.isArray(node?.required)) {
        names.push(node.required[Number(t[i + 1])]);
        break;
      } else break;
    }
    for (let n = names.length; n > 0; n--) {
      const scope = scopeOf(names.slice(0, n));
      let found: UiPath | undefined;
      walk(def.uiSchema, (e, p) => {
        if (!found && e.type === 'Control' && e.scope === scope) found = p;
      });
      if (found) return found;
    }
  }
  return undefined;
}
