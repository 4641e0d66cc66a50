import type { OrgUnit } from '@kcbx/api-contract';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/endpoints';
import { useShowError } from './useShowError';

export function useOrgUnits() {
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [loading, setLoading] = useState(true);
  const showError = useShowError();
  // Only the first load shows a spinner; reloads after an edit swap the data in place.
  const reload = useCallback(() => {
    return api
      .orgUnits()
      .then(setUnits)
      .catch(showError)
      .finally(() => setLoading(false));
  }, [showError]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { units, loading, reload };
}
