import { importFormJs, importJsonForms, importRjsf, type ImportResult } from '@kcbx/forms';

export type Source = 'auto' | 'rjsf' | 'form-js' | 'jsonforms';

/** Which importer a file needs: form-js lists components, JSON Forms has `uischema`, anything else is rjsf / JSON Schema. */
function detect(value: any): Exclude<Source, 'auto'> {
  if (Array.isArray(value?.components)) return 'form-js';
  if (value?.uischema) return 'jsonforms';
  return 'rjsf';
}

export function runImport(source: Source, value: any, key: string, title: { zh: string; en: string }): ImportResult {
  const kind = source === 'auto' ? detect(value) : source;
  const target = { key, title };
  if (kind === 'form-js') return importFormJs(value, target);
  if (kind === 'jsonforms') return importJsonForms(value.schema ? value : { schema: value }, target);
  // an rjsf playground sample {schema, uiSchema, formData} or a bare JSON Schema
  return importRjsf(value?.schema && typeof value.schema === 'object' ? value : { schema: value }, target);
}
