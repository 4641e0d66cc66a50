import type { FormDefinition } from './definition';
import type { FieldError } from './field-errors';
import { SUBMISSION_MESSAGES } from './messages';
import { ownCopy } from './own-data';
import { permissionEntries, type PermissionEntry } from './permissions';
import { joinPointer, pointerTokens, valueAt } from './pointers';
import { findUnknownProperties } from './unknown-properties';
import { validateFormData, type ValidationOptions } from './validate';
import { sharedValidators } from './validator-cache';

export interface SubmissionOptions extends ValidationOptions {
  /** What the instance held before this step: read-only and hidden fields keep these values. */
  previousData?: Record<string, unknown>;
}

export interface SubmissionResult {
  valid: boolean;
  errors: FieldError[];
  /** The data to store: the submission with read-only/hidden fields taken from previousData (objects without a prototype). */
  data: Record<string, unknown>;
  hash: string;
  key: string;
  version: number;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Concrete paths matching a permission path ("*" expands over the rows present in the data). */
function expand(path: string, ...sources: unknown[]): string[] {
  if (!path.includes('*')) return [path];
  const out = new Set<string>();
  const step = (tokens: string[], prefix: string) => {
    if (tokens.length === 0) return void out.add(prefix);
    const [head, ...rest] = tokens;
    if (head !== '*') return step(rest, joinPointer(prefix, head));
    for (const source of sources) {
      const value = valueAt(source, prefix);
      if (Array.isArray(value)) value.forEach((_, i) => step(rest, joinPointer(prefix, i)));
    }
  };
  step(pointerTokens(path), '');
  return [...out];
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const tokens = pointerTokens(path);
  if (value === undefined && valueAt(target, path) === undefined) return; // nothing to clear; build nothing
  let current = target;
  for (const token of tokens.slice(0, -1)) {
    if (current[token] === null || typeof current[token] !== 'object') current[token] = Object.create(null);
    // an object by now (a row of an array too: its index is a key)
    current = current[token] as Record<string, unknown>;
  }
  const last = tokens[tokens.length - 1];
  if (value === undefined) delete current[last];
  else current[last] = ownCopy(value);
}

function protectedFieldErrors(
  entries: PermissionEntry[],
  data: unknown,
  previous: unknown,
  labelFor: (p: string) => FieldError['label'],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const entry of entries) {
    if (entry.permission === 'writable') continue;
    for (const path of expand(entry.path, data, previous)) {
      const sent = valueAt(data, path);
      if (sent === undefined) continue;
      if (entry.permission === 'hidden') {
        errors.push({ path, label: labelFor(path), keyword: 'hiddenField', message: SUBMISSION_MESSAGES.hidden });
      } else if (!sameJson(sent, valueAt(previous, path))) {
        errors.push({ path, label: labelFor(path), keyword: 'readonlyField', message: SUBMISSION_MESSAGES.readonly });
      }
    }
  }
  return errors;
}

/**
 * Server-side check of a submission at one workflow step: refuses fields the schema does not declare,
 * writes to read-only fields and values for hidden fields, then validates the merged data exactly as the
 * browser does. Nothing in `data` should be stored unless `valid` is true.
 */
export function validateSubmission(definition: FormDefinition, data: unknown, options: SubmissionOptions = {}): SubmissionResult {
  const validators = options.validators ?? sharedValidators();
  const compiled = validators.get(definition);
  const labelFor = (p: string) => compiled.labels.labelFor(p);
  const base = { hash: compiled.hash, key: definition.key, version: definition.version };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    // Not an object at all: the schema's own type error, worded exactly as the browser words it.
    const result = validateFormData(definition, data, { ...options, validators });
    return { ...base, valid: false, data: {}, errors: result.errors };
  }

  const tampered: FieldError[] = findUnknownProperties(definition.schema, data).map((path) => ({
    path,
    label: labelFor(path),
    keyword: 'notInSchema',
    message: SUBMISSION_MESSAGES.notInSchema,
  }));
  const entries = permissionEntries(options.permissions);
  const previous = options.previousData ?? {};
  tampered.push(...protectedFieldErrors(entries, data, previous, labelFor));

  // Validated and stored as prototype-free records: nothing inherited can pass for a field the client sent.
  const merged = ownCopy(data) as Record<string, unknown>;
  for (const entry of entries) {
    if (entry.permission === 'writable') continue;
    for (const path of expand(entry.path, data, previous)) setAt(merged, path, valueAt(previous, path));
  }
  const result = validateFormData(definition, merged, { ...options, validators });
  const errors = [...tampered, ...result.errors];
  return { ...base, valid: errors.length === 0, errors, data: merged };
}
