import { useEffect, useState } from 'react';
import type { FormDefinition } from '@kcbx/forms';
import { workflowApi } from '../../api/workflow';

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
  const [state, setState] = useState<{ definition: FormDefinition | null; failed: boolean }>({ definition: null, failed: false });
  useEffect(() => {
    let alive = true;
    load(key, version).then(
      (definition) => alive && setState({ definition, failed: false }),
      () => alive && setState({ definition: null, failed: true }),
    );
    return () => {
      alive = false;
    };
  }, [key, version]);
  return state;
}
