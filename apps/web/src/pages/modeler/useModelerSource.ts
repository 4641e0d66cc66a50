import { useEffect, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { modelerApi } from './modelerApi';
import { freshKey, newProcessXml } from './newDiagram';

export interface ModelerSource {
  /** null while loading */
  xml: string | null;
  isNew: boolean;
  /** the deployed version being looked at (null for a new or uploaded diagram) */
  version: number | null;
  error: string | null;
}

/** Where the diagram comes from: a new one, an uploaded file (router state), or a deployed version. */
export function useModelerSource(): ModelerSource {
  const { key = 'new' } = useParams();
  const [search] = useSearchParams();
  const location = useLocation();
  const { t } = useI18n();
  const uploaded = (location.state as { xml?: string } | null)?.xml;
  const wanted = search.get('version');
  const [source, setSource] = useState<ModelerSource>({ xml: null, isNew: key === 'new', version: null, error: null });

  useEffect(() => {
    if (key === 'new') {
      setSource({ xml: uploaded ?? newProcessXml(freshKey(), t('modeler.newName')), isNew: true, version: null, error: null });
      return;
    }
    let alive = true;
    setSource({ xml: null, isNew: false, version: null, error: null });
    modelerApi
      .definitions(true)
      .then(async (defs) => {
        const versions = defs.filter((d) => d.key === key).sort((a, b) => b.version - a.version);
        const def = wanted ? versions.find((d) => String(d.version) === wanted) : versions[0];
        if (!def) throw new Error(t('modeler.notFound', { key }));
        const xml = await modelerApi.definitionXml(def.id);
        if (alive) setSource({ xml, isNew: false, version: def.version, error: null });
      })
      .catch((e: unknown) => {
        const message = e instanceof ApiError || e instanceof Error ? e.message : String(e);
        if (alive) setSource({ xml: null, isNew: false, version: null, error: t('modeler.loadFailed', { message }) });
      });
    return () => {
      alive = false;
    };
    // t only changes with the language; a language switch must not reload the diagram.
  }, [key, wanted, uploaded]);

  return source;
}
