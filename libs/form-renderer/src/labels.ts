import { schemaObject, textIn, type ControlElement, type JsonSchema, type Text } from '@kcbx/forms';
import type { Locale } from './form-context';

export function localeKey(locale: Locale): 'zh' | 'en' {
  return locale === 'en' ? 'en' : 'zh';
}

export function textFor(text: Text | undefined, locale: Locale): string | undefined {
  return textIn(text, localeKey(locale));
}

/** A control's label: its own, else the schema title, else the property name; `false` hides it. */
export function controlLabel(
  control: Pick<ControlElement, 'label' | 'scope'>,
  schema: JsonSchema | undefined,
  locale: Locale,
): string | undefined {
  if (control.label === false) return undefined;
  if (control.label && control.label !== true) return textFor(control.label, locale);
  const title = schemaObject(schema)?.title;
  if (typeof title === 'string') return title;
  const last = control.scope.split('/').pop() ?? '';
  return last === '#' ? undefined : last.replace(/~1/g, '/').replace(/~0/g, '~');
}
