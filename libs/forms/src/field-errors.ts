import type { ErrorObject } from 'ajv';
import type { LocalizedText } from './definition';
import { customMessage } from './messages';
import { standardMessage } from './standard-messages';
import { joinPointer, valueAt } from './pointers';
import type { LabelIndex } from './ui-walk';

/** One problem with one field, in both languages; the same shape from the browser and from the API. */
export interface FieldError {
  /** JSON pointer into the data: "/guardians/0/phone" ("" = the whole form). */
  path: string;
  label: LocalizedText;
  keyword: string;
  message: LocalizedText;
  params?: Record<string, unknown>;
}

/** Where the error belongs: a missing property belongs to that property, not to its parent object. */
function errorPath(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  if (
    (error.keyword === 'required' || error.keyword === 'dependentRequired' || error.keyword === 'dependencies') &&
    p.missingProperty !== undefined
  ) {
    return joinPointer(error.instancePath, String(p.missingProperty));
  }
  if (error.keyword === 'additionalProperties' && p.additionalProperty !== undefined) {
    return joinPointer(error.instancePath, String(p.additionalProperty));
  }
  if (error.keyword === 'unevaluatedProperties' && p.unevaluatedProperty !== undefined) {
    return joinPointer(error.instancePath, String(p.unevaluatedProperty));
  }
  return error.instancePath;
}

/** "请填写监护人姓名" reads better to a clerk than ajv-i18n's "应当有必需属性 name". */
function requiredMessage(error: ErrorObject, label: LocalizedText): LocalizedText | undefined {
  if (error.keyword !== 'required' && error.keyword !== 'dependentRequired' && error.keyword !== 'dependencies') return undefined;
  return { zh: `请填写“${label.zh}”`, en: `${label.en} is required` };
}

/** `if` failures only repeat what the `then`/`else` errors already say. */
const NOISE = new Set(['if']);

export function normalizeErrors(errors: ErrorObject[] | null | undefined, data: unknown, labels: LabelIndex): FieldError[] {
  if (!errors?.length) return [];
  const out: FieldError[] = [];
  const seen = new Set<string>();
  errors.forEach((error) => {
    if (NOISE.has(error.keyword)) return;
    const path = errorPath(error);
    const label = labels.labelFor(path);
    const message = requiredMessage(error, label) ?? customMessage(error, valueAt(data, error.instancePath)) ?? standardMessage(error);
    const id = `${path}\u0000${error.keyword}\u0000${message.en}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ path, label, keyword: error.keyword, message, params: error.params });
  });
  return out;
}
