import type { ControlElement, FormDefinition, JsonSchema, LocalizedText, Rule, UiElement } from './definition';
import { isLayout, localized, schemaObject } from './definition';
import { escapePointerToken } from './json-positions';
import { genericPath, scopeToDataPath, schemaAtPointer } from './pointers';

export interface ControlInfo {
  control: ControlElement;
  /** Data path of the control ("/guardians"); "*" stands for array rows. */
  path: string;
  /** Undefined when the scope points nowhere (parseFormDefinition reports such a form). */
  schema: JsonSchema | undefined;
  label: LocalizedText;
}

export interface RuleTarget {
  rule: Rule;
  element: UiElement;
  /** Data paths of every control the rule governs (a layout's rule governs everything inside it). */
  paths: string[];
}

function lastToken(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1) || '#';
}

export function controlLabel(control: ControlElement, schema: JsonSchema | undefined, path: string): LocalizedText {
  if (control.label && typeof control.label !== 'boolean') return localized(control.label);
  const title = schemaObject(schema)?.title;
  return localized(typeof title === 'string' ? title : lastToken(path));
}

/** Every Control in document order. */
export function listControls(definition: FormDefinition): ControlInfo[] {
  const out: ControlInfo[] = [];
  const walk = (element: UiElement) => {
    if (element.type === 'Control') {
      const path = scopeToDataPath(element.scope);
      const schema = schemaAtPointer(definition.schema, element.scope);
      out.push({ control: element, path, schema, label: controlLabel(element, schema, path) });
    } else if (isLayout(element)) {
      for (const child of element.elements ?? []) walk(child);
    }
  };
  walk(definition.uiSchema);
  return out;
}

/** Every element carrying a rule, with the control paths it governs. */
export function listRules(uiSchema: UiElement): RuleTarget[] {
  const out: RuleTarget[] = [];
  const pathsUnder = (element: UiElement): string[] => {
    if (element.type === 'Control') return [scopeToDataPath(element.scope)];
    return isLayout(element) ? (element.elements ?? []).flatMap(pathsUnder) : [];
  };
  const walk = (element: UiElement) => {
    if (element.rule) out.push({ rule: element.rule, element, paths: pathsUnder(element) });
    if (isLayout(element)) for (const child of element.elements ?? []) walk(child);
  };
  walk(uiSchema);
  return out;
}

/**
 * Label for any data path: the control's label where one exists, otherwise the schema title of the
 * property (array rows and nested objects), otherwise the property name.
 */
export class LabelIndex {
  private readonly labels = new Map<string, LocalizedText>();

  constructor(private readonly definition: FormDefinition) {
    this.collectSchemaTitles(definition.schema, '', new Set());
    for (const c of listControls(definition)) this.labels.set(c.path, c.label);
  }

  labelFor(path: string): LocalizedText {
    const generic = genericPath(path);
    const found = this.labels.get(path) ?? this.labels.get(generic);
    if (found) return found;
    const name = lastToken(path);
    return localized(/^\d+$/.test(name) ? `#${Number(name) + 1}` : name);
  }

  /** Walks titled properties; `seen` stops recursive schemas (a tree node referring to itself). */
  private collectSchemaTitles(schema: unknown, path: string, seen: Set<unknown>): void {
    const resolved = schemaObject(schema);
    if (!resolved || seen.size > 12 || this.labels.size > 5000) return;
    if (typeof resolved.title === 'string' && path) this.labels.set(path, localized(resolved.title));
    for (const [name, value] of Object.entries(resolved.properties ?? {})) {
      const sub = schemaObject(value);
      const target = sub?.$ref ? schemaAtPointer(this.definition.schema, sub.$ref) : sub;
      if (seen.has(target)) continue;
      const merged = schemaObject(target) && sub?.title ? { ...schemaObject(target), title: sub.title } : target;
      this.collectSchemaTitles(merged, `${path}/${escapePointerToken(name)}`, new Set(seen).add(target));
    }
    const itemSchema = schemaObject(resolved.items);
    if (itemSchema) {
      const items = itemSchema.$ref ? schemaAtPointer(this.definition.schema, itemSchema.$ref) : itemSchema;
      if (!seen.has(items)) this.collectSchemaTitles({ ...schemaObject(items), title: undefined }, `${path}/*`, new Set(seen).add(items));
    }
  }
}
