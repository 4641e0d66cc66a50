import type { InboxTask } from '@kcbx/api-contract';
import { useEffect, useMemo, useState } from 'react';
import { workflowApi } from '../../api/workflow';
import { useAuth } from '../../auth/auth';
import { useLoad } from '../../util/useLoad';
import type { Option } from './InboxFilters';

/** What the procedure and unit filters offer, given the rows shown so far. */
export function useInboxOptions(items: InboxTask[]): { procedures: Option[]; units: Option[] } {
  const { me } = useAuth();
  // The procedures this user may see; a server that refuses the list leaves the filter to the rows' procedures.
  const { data: definitions } = useLoad(() => workflowApi.definitions().catch(() => []), []);
  // Units met in any answer stay offered in the unit filter.
  const [seen, setSeen] = useState<Map<string, Option>>(new Map());
  useEffect(() => {
    setSeen((prev) => {
      const next = new Map(prev);
      for (const r of items) if (r.orgUnit) next.set(r.orgUnit, { value: r.orgUnit, label: r.orgUnitName ?? r.orgUnit });
      return next.size === prev.size ? prev : next;
    });
  }, [items]);

  const procedures = useMemo(() => {
    const byKey = new Map<string, Option>();
    for (const d of definitions ?? []) byKey.set(d.key, { value: d.key, label: d.name ?? d.key });
    for (const r of items)
      if (!byKey.has(r.processKey)) byKey.set(r.processKey, { value: r.processKey, label: r.processName ?? r.processKey });
    return [...byKey.values()];
  }, [definitions, items]);
  const units = useMemo(() => {
    const all = new Map(seen);
    for (const r of me?.roles ?? []) all.set(r.orgUnit.code, { value: r.orgUnit.code, label: r.orgUnit.name });
    return [...all.values()];
  }, [seen, me]);
  return { procedures, units };
}
