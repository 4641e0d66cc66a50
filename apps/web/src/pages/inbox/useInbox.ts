import type { Inbox, InboxTask } from '@kcbx/api-contract';
import { useEffect, useState } from 'react';
import { api, type InboxQuery } from '../../api/endpoints';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { dueSoon } from './inboxRow';

export type InboxView = 'all' | 'mine' | 'candidate' | 'overdue' | 'done' | 'cc';
export type InboxFilterValues = Omit<InboxQuery, 'scope'>;

const NO_COUNTS: Inbox['counts'] = { mine: 0, candidate: 0, overdue: 0 };
const NO_ROWS: InboxTask[] = [];

/** Rows the server's answer may hold beyond what was asked (servers before issue 13 ignore due=soon and scope=done). */
function matches(view: InboxView, filters: InboxFilterValues, r: InboxTask): boolean {
  if (view === 'done' && !r.completedAt) return false;
  if (filters.due === 'soon' && !dueSoon(r)) return false;
  return true;
}

export interface InboxRows {
  items: InboxTask[];
  total: number;
  /** `total` is the server's cap (at least that many) */
  totalCapped: boolean;
  /** the cursor of the next page (null: this is the last) */
  nextCursor: string | null;
  /** the tabs' badges */
  counts: Inbox['counts'];
  loading: boolean;
  reload(): void;
}

/**
 * One page of the inbox for a view (抄送 has its own list) and the filters; the badge counts outlive 已办 pages.
 * `after`: the page's cursor when the page before it was shown (keyset), else the page is asked by number.
 */
export function useInbox(view: InboxView, filters: InboxFilterValues, page: number, pageSize: number, after?: string): InboxRows {
  const showError = useShowError();
  const answer = useLoad(
    async () => {
      if (view === 'cc') return null;
      const scope = view === 'overdue' ? 'all' : view;
      const due = view === 'overdue' ? 'overdue' : filters.due;
      // 已办 pages by number (its list is not the open tasks')
      const found = await api.inbox({ ...filters, scope, due }, page, pageSize, view === 'done' ? undefined : after);
      return { ...found, items: found.items.filter((r) => matches(view, filters, r)) };
    },
    [view, filters, page, pageSize, after],
    showError,
  );
  const data = answer.data;
  // 已办 answers carry no badge counts: the tabs keep the last ones.
  const [counts, setCounts] = useState(NO_COUNTS);
  useEffect(() => {
    const fresh = data?.counts as Inbox['counts'] | undefined;
    if (fresh) setCounts(fresh);
  }, [data]);

  return {
    items: data?.items ?? NO_ROWS,
    total: data?.total ?? 0,
    totalCapped: data?.totalCapped === true,
    nextCursor: data?.nextCursor ?? null,
    counts,
    loading: answer.loading,
    reload: answer.reload,
  };
}
