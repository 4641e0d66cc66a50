import type { FormDefinition } from './definition';
import { normalizeErrors, type FieldError } from './field-errors';
import { permissionEntries, permissionOf, type FieldPermissions } from './permissions';
import { isWithin } from './pointers';
import { evaluateRules } from './rules';
import { sharedValidators, type FormValidators } from './validator-cache';

export interface ValidationOptions {
  permissions?: FieldPermissions;
  /** Defaults to the shared cache; pass one built with a RegionIndex to check region membership. */
  validators?: FormValidators;
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
  /** Content hash of the definition the data was checked against (pin submissions to it). */
  hash: string;
}

const REQUIRED_KEYWORDS = new Set(['required', 'dependentRequired', 'dependencies']);

/**
 * The validation both the renderer (through its react-hook-form resolver) and the API run: the cached
 * validator, then rules and permissions decide which errors the user can act on. A field hidden by a rule
 * is not required; a read-only or hidden field's value came from an earlier step and is not the user's to fix.
 */
export function validateFormData(definition: FormDefinition, data: unknown, options: ValidationOptions = {}): ValidationResult {
  const compiled = (options.validators ?? sharedValidators()).get(definition);
  const ok = compiled.validate(data) === true;
  if (ok) return { valid: true, errors: [], hash: compiled.hash };

  const ruleHidden = evaluateRules(compiled.rules, data).hidden;
  const entries = permissionEntries(options.permissions);
  const errors = normalizeErrors(compiled.validate.errors, data, compiled.labels).filter((error) => {
    if (REQUIRED_KEYWORDS.has(error.keyword) && ruleHidden.some((h) => isWithin(error.path, h))) return false;
    return entries.length === 0 || permissionOf(entries, error.path) === 'writable';
  });
  return { valid: errors.length === 0, errors, hash: compiled.hash };
}
