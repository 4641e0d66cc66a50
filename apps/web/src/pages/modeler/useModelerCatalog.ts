import type { CountyRole, PublishedFormRow } from '@kcbx/api-contract';
import { useEffect } from 'react';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { latestForms, modelerApi } from './modelerApi';
import type { BpmnModelerHandle } from './useBpmnModeler';

const NO_CATALOG: { forms: PublishedFormRow[]; roles: CountyRole[] } = { forms: [], roles: [] };

/** The published forms (latest versions) and the county's roles a step can name, handed to the modeler's Form & roles group. */
export function useModelerCatalog(m: BpmnModelerHandle) {
  const showError = useShowError();
  const { data = NO_CATALOG } = useLoad(
    () => Promise.all([modelerApi.forms(), modelerApi.roles()]).then(([forms, roles]) => ({ forms: latestForms(forms), roles })),
    [],
    showError,
  );
  // The group reads them from the modeler, which is rebuilt on a language switch.
  const { setCatalog, ready } = m;
  useEffect(() => setCatalog(data.forms, data.roles), [data, ready, setCatalog]);
  return data;
}
