import type { OrgUnit } from '@kcbx/api-contract';
import { api } from '../api/endpoints';
import { useLoad } from './useLoad';
import { useShowError } from './useShowError';

const NONE: OrgUnit[] = [];

/** The caller's org tree. Only the first load shows a spinner; reloads after an edit swap the data in place. */
export function useOrgUnits(): { units: OrgUnit[]; loading: boolean; reload: () => void } {
  const showError = useShowError();
  const { data, loading, reload } = useLoad(() => api.orgUnits(), [], showError);
  return { units: data ?? NONE, loading: loading && data === undefined, reload };
}
