import { isLayout, type UiElement } from '@kcbx/forms';
import { scopeToName } from './field-names';

/** The field names a layout (one step of a stepper) contains, to validate that step alone before moving on. */
export function fieldNamesIn(element: UiElement, baseName: string): string[] {
  const names: string[] = [];
  const walk = (e: UiElement) => {
    if (e.type === 'Control') names.push(scopeToName(e.scope, baseName));
    else if (isLayout(e)) e.elements.forEach(walk);
  };
  walk(element);
  return names;
}
