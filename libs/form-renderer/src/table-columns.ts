import { isLayout, resolveRef, schemaObject, type ControlElement, type JsonSchema, type UiElement } from '@kcbx/forms';
import { propertyNamesOf } from './schema-at';

/**
 * Columns of an editable table: the Controls of the detail layout if the form gives one, otherwise every
 * property of the row schema; a table over plain values has one column bound to the row itself.
 */
export function tableColumns(root: JsonSchema, arraySchema: JsonSchema | undefined, detail?: UiElement): ControlElement[] {
  const items = schemaObject(resolveRef(root, schemaObject(arraySchema)?.items)) ?? {};
  if (detail) {
    const out: ControlElement[] = [];
    const walk = (e: UiElement) => {
      if (e.type === 'Control') out.push(e);
      else if (isLayout(e)) e.elements.forEach(walk);
    };
    walk(detail);
    if (out.length) return out;
  }
  if (items.type === 'object' || items.properties || Array.isArray(items.allOf)) {
    return propertyNamesOf(root, items).map((p) => ({
      type: 'Control',
      scope: `#/properties/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    }));
  }
  return [{ type: 'Control', scope: '#', label: false }];
}
