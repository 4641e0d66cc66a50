import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
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

  const asked = `${key}@${wanted ?? ''}`;
  // t only changes with the language; a language switch must not reload the diagram (useLoad reads the newest t).
  const { data } = useLoad(async (): Promise<ModelerSource & { asked: string }> => {
    if (key === 'new')
      return { asked, xml: uploaded ?? newProcessXml(freshKey(), t('modeler.newName')), isNew: true, version: null, error: null };
    try {
      const defs = await modelerApi.definitions(true);
      const versions = defs.filter((d) => d.key === key).sort((a, b) => b.version - a.version);
      const def = wanted ? versions.find((d) => String(d.version) === wanted) : versions[0];
      if (!def) throw new Error(t('modeler.notFound', { key }));
      return { asked, xml: await modelerApi.definitionXml(def.id), isNew: false, version: def.version, error: null };
    } catch (e) {
      const message = e instanceof ApiError || e instanceof Error ? e.message : String(e);
      return { asked, xml: null, isNew: false, version: null, error: t('modeler.loadFailed', { message }) };
    }
  }, [key, wanted, uploaded]);

  // Until the answer for this key and version arrives, nothing is shown (not the diagram asked for before).
  if (!data || data.asked !== asked) return { xml: null, isNew: key === 'new', version: null, error: null };
  return { xml: data.xml, isNew: data.isNew, version: data.version, error: data.error };
}
