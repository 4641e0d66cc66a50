import { isLayout, resolveRef, schemaObject, type FormDefinition, type UiElement } from '@kcbx/forms';
import { scopeToName } from './field-names';
import { schemaAt } from './schema-at';

/** Above this many fields (table cells included) widgets are mounted as they come near the window. */
export const DEFER_WIDGETS_ABOVE = 120;

/**
 * Roughly how many inputs a form shows with this data: its Controls, plus rows × columns of top-level
 * tables. Only decides whether to defer widgets, so an estimate is enough.
 */
export function estimateFieldCount(definition: FormDefinition, data: Record<string, unknown> | undefined): number {
  let count = 0;
  const walk = (e: UiElement) => {
    if (e.type === 'Control') {
      count++;
      const value = data?.[scopeToName(e.scope)];
      if (Array.isArray(value) && value.length) {
        const items = schemaObject(
          resolveRef(definition.schema, schemaObject(schemaAt(definition.schema, definition.schema, e.scope))?.items),
        );
        count += value.length * Math.max(1, Object.keys(items?.properties ?? {}).length);
      }
    } else if (isLayout(e)) e.elements.forEach(walk);
  };
  walk(definition.uiSchema);
  return count;
}
