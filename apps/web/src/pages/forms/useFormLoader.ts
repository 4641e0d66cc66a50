import type { FormVersion } from '@kcbx/api-contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormDefinition, LocalizedText } from '@kcbx/forms';
import { emptyDefinition } from '@kcbx/form-builder';
import { ApiError } from '../../api/errors';
import { LatestRequest } from '../../util/latestRequest';
import { useShowError } from '../../util/useShowError';
import { formsApi } from './formsApi';

export type Origin = 'new' | 'draft' | 'published';

/** What a new-form or import dialog hands to the builder through the router. */
export interface BuilderEntry {
  title?: LocalizedText;
  definition?: FormDefinition;
}

const notFound = (e: unknown) => e instanceof ApiError && e.status === 404;

/** The saved draft if there is one, else the latest published version, else a new form (or the imported one). */
async function openForm(key: string, entry: BuilderEntry | null): Promise<{ definition: FormDefinition; origin: Origin }> {
  if (entry?.definition) return { definition: { ...entry.definition, key }, origin: 'new' };
  try {
    return { definition: (await formsApi.draft(key)).definition, origin: 'draft' };
  } catch (e) {
    if (!notFound(e)) throw e;
  }
  try {
    return { definition: await formsApi.version(key), origin: 'published' };
  } catch (e) {
    if (!notFound(e)) throw e;
    return { definition: emptyDefinition(key, entry?.title ?? { zh: key, en: key }), origin: 'new' };
  }
}

/**
 * Opens a form in the builder (see openForm) and keeps the list of published versions. Opening again (another
 * key, a discarded draft) or listing again drops an answer still on its way from before.
 */
export function useFormLoader(key: string, entry: BuilderEntry | null) {
  const showError = useShowError();
  const [definition, setDefinition] = useState<FormDefinition | null>(null);
  const [origin, setOrigin] = useState<Origin>('new');
  const [versions, setVersions] = useState<FormVersion[]>([]);
  const opening = useRef(new LatestRequest());
  const listing = useRef(new LatestRequest());

  const reloadVersions = useCallback(
    () =>
      listing.current.run(
        () => formsApi.versions(key),
        setVersions,
        (e) => (notFound(e) ? setVersions([]) : showError(e)),
      ),
    [key, showError],
  );

  const load = useCallback(() => {
    void reloadVersions();
    return opening.current.run(
      () => openForm(key, entry),
      (opened) => {
        setDefinition(opened.definition);
        setOrigin(opened.origin);
      },
      showError,
    );
  }, [key, entry, reloadVersions, showError]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    const [open, list] = [opening.current, listing.current];
    return () => {
      open.cancel();
      list.cancel();
    };
  }, []);

  return { definition, setDefinition, origin, setOrigin, versions, reloadVersions, reload: load };
}
