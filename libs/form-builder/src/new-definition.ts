import type { FormDefinition, LocalizedText } from '@kcbx/forms';

/** Form keys name files and URLs (the meta-schema's rule): a letter, then letters, digits, "_", "." or "-". */
export const FORM_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

/** An empty form: one column, no fields. The server numbers versions; 1 is a placeholder until publish. */
export function emptyDefinition(key: string, title: LocalizedText): FormDefinition {
  return {
    key,
    version: 1,
    title: { ...title },
    schema: { type: 'object', properties: {} },
    uiSchema: { type: 'VerticalLayout', elements: [] },
  };
}
