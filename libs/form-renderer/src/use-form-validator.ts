import { useCallback, useMemo } from 'react';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { RegionIndex, type RegionNode } from '@kcbx/cn-codes';
import {
  FormValidators,
  resolveForm,
  sharedValidators,
  validateFormData,
  type FieldPermissions,
  type FormDefinition,
  type FormLocale,
} from '@kcbx/forms';

const byTree = new WeakMap<RegionNode[], FormValidators>();

/** One validator cache per division tree (region membership needs it), the shared one otherwise. */
export function validatorsFor(regionTree?: RegionNode[]): FormValidators {
  if (!regionTree) return sharedValidators();
  let validators = byTree.get(regionTree);
  if (!validators) {
    validators = new FormValidators({ regions: new RegionIndex(regionTree) });
    byTree.set(regionTree, validators);
  }
  return validators;
}

export interface FormValidatorOptions {
  permissions?: FieldPermissions;
  locale: FormLocale;
  regionTree?: RegionNode[];
}

/**
 * The react-hook-form resolver over the cached validator from @kcbx/forms — the same function the API
 * calls, so the browser shows exactly the errors the server would return. Compiles once per form version.
 */
export function useFormValidator(definition: FormDefinition, { permissions, locale, regionTree }: FormValidatorOptions) {
  const validators = useMemo(() => validatorsFor(regionTree), [regionTree]);
  const resolver = useCallback<Resolver<FieldValues>>(
    (values) => {
      const { errors } = resolveForm(definition, values, { locale, permissions, validators });
      // ResolverErrorTree is react-hook-form's FieldErrors shape ({type, message} leaves), built without its types
      return Object.keys(errors).length ? { values: {}, errors: errors as FieldErrors } : { values, errors: {} };
    },
    [definition, locale, permissions, validators],
  );
  const validate = useCallback(
    (data: unknown) => validateFormData(definition, data, { permissions, validators }),
    [definition, permissions, validators],
  );
  return { resolver, validate, validators };
}
