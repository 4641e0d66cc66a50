import type { FormVersion } from '@kcbx/api-contract';
import { useCallback, useEffect, useState } from 'react';
import type { FormDefinition, LocalizedText } from '@kcbx/forms';
import { emptyDefinition } from '@kcbx/form-builder';
import { ApiError } from '../../api/errors';
import { useShowError } from '../../util/useShowError';
import { formsApi } from './formsApi';

export type Origin = 'new' | 'draft' | 'published';

/** What a new-form or import dialog hands to the builder through the router. */
export interface BuilderEntry {
  title?: LocalizedText;
  definition?: FormDefinition;
}

const notFound = (e: unknown) => e instanceof ApiError && e.status === 404;

/**
 * Opens a form in the builder: the saved draft if there is one, else the latest published version, else a
 * new empty form (or what the import dialog produced). Also keeps the list of published versions.
 */
export function useFormLoader(key: string, entry: BuilderEntry | null) {
  const showError = useShowError();
  const [definition, setDefinition] = useState<FormDefinition | null>(null);
  const [origin, setOrigin] = useState<Origin>('new');
  const [versions, setVersions] = useState<FormVersion[]>([]);

  const reloadVersions = useCallback(
    () => formsApi.versions(key).then(setVersions, (e) => (notFound(e) ? setVersions([]) : showError(e))),
    [key, showError],
  );

  const load = useCallback(async () => {
    void reloadVersions();
    if (entry?.definition) {
      setDefinition({ ...entry.definition, key });
      setOrigin('new');
      return;
    }
    try {
      setDefinition((await formsApi.draft(key)).definition);
      setOrigin('draft');
      return;
    } catch (e) {
      if (!notFound(e)) return showError(e);
    }
    try {
      setDefinition(await formsApi.version(key));
      setOrigin('published');
    } catch (e) {
      if (!notFound(e)) return showError(e);
      setDefinition(emptyDefinition(key, entry?.title ?? { zh: key, en: key }));
      setOrigin('new');
    }
  }, [key, entry, reloadVersions, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  return { definition, setDefinition, origin, setOrigin, versions, reloadVersions, reload: load };
}
