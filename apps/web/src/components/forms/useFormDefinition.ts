import type { FormDefinition } from '@kcbx/forms';
import { workflowApi } from '../../api/workflow';
import { useLoad } from '../../util/useLoad';

// Published form versions never change, so one fetch per key and version serves the whole session.
const cache = new Map<string, Promise<FormDefinition>>();

function load(key: string, version: number): Promise<FormDefinition> {
  const k = `${key}@${version}`;
  let p = cache.get(k);
  if (!p) {
    p = workflowApi.form(key, version);
    p.catch(() => cache.delete(k));
    cache.set(k, p);
  }
  return p;
}

/** The definition of a pinned form version (the one a submission was made with). */
export function useFormDefinition(key: string, version: number): { definition: FormDefinition | null; failed: boolean } {
  const { data, error } = useLoad(() => load(key, version), [key, version]);
  return { definition: error ? null : (data ?? null), failed: Boolean(error) };
}
