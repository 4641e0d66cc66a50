import { useCallback, useRef } from 'react';
import type { FormDefinition } from '@kcbx/forms';
import { formsApi } from '../formsApi';

/** A form's published versions, each fetched once: published versions never change (a failed fetch is forgotten). */
export function useVersionCache(formKey: string): (version: number) => Promise<FormDefinition> {
  const fetched = useRef(new Map<string, Promise<FormDefinition>>());
  return useCallback(
    (version: number) => {
      const id = `${formKey}@${version}`;
      const known = fetched.current.get(id) ?? formsApi.version(formKey, version);
      fetched.current.set(id, known);
      return known.catch((e: unknown) => {
        fetched.current.delete(id);
        throw e;
      });
    },
    [formKey],
  );
}
