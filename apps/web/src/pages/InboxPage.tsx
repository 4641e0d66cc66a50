import { useCallback, useEffect, useMemo, useState } from 'react';
import { Badge, Grid, Radio, Tabs } from 'antd';
import { api, type InboxQuery } from '../api/endpoints';
import type { Inbox, InboxTask, ProcessDefinition } from '@kcbx/api-contract';
import { workflowApi } from '../api/workflow';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../shell/PageTitle';
import { useShowError } from '../util/useShowError';
import { BatchApprove } from './inbox/BatchApprove';
import { CopiedList } from './inbox/CopiedList';
import { InboxFilters, type Option } from './inbox/InboxFilters';
import { InboxList } from './inbox/InboxList';
import { dueSoon } from './inbox/inboxRow';
import '../shell/lists.css';

type View = 'all' | 'mine' | 'candidate' | 'overdue' | 'done' | 'cc';
type Filters = Omit<InboxQuery, 'scope'>;
const PAGE_SIZE = 20;
const EMPTY: Inbox = { items: [], total: 0, counts: { mine: 0, candidate: 0, overdue: 0 } };

/** Rows the server's answer may hold beyond what was asked (servers before issue 13 ignore due=soon and scope=done). */
function matches(view: View, filters: Filters, r: InboxTask): boolean {
  if (view === 'done' && !r.completedAt) return false;
  if (filters.due === 'soon' && !dueSoon(r)) return false;
  return true;
}

/**
 * The clerk's inbox: tasks assigned to them or offered to their roles at their units, who each is about,
 * overdue ones in red; filters by procedure, due state and unit; 已办 lists what I completed.
 */
export default function InboxPage() {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const { me } = useAuth();
  const showError = useShowError();
  const [view, setView] = useState<View>('all');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Inbox>(EMPTY);
  const [loading, setLoading] = useState(false);
  const [definitions, setDefinitions] = useState<ProcessDefinition[]>([]);
  const [seen, setSeen] = useState<Map<string, Option>>(new Map());
  const [selected, setSelected] = useState<string[]>([]);

  const load = useCallback(() => {
    if (view === 'cc') return;
    setLoading(true);
    setSelected([]);
    const scope = view === 'overdue' ? 'all' : view;
    const due = view === 'overdue' ? 'overdue' : filters.due;
    api
      .inbox({ ...filters, scope, due }, page, PAGE_SIZE)
      .then((answer) => {
        // 已办 answers carry no badge counts: the tabs keep the last ones
        setData((prev) => ({
          ...answer,
          counts: answer.counts ?? prev.counts,
          items: answer.items.filter((r) => matches(view, filters, r)),
        }));
        // Units met in any answer stay offered in the unit filter.
        setSeen((prev) => {
          const next = new Map(prev);
          for (const r of answer.items) if (r.orgUnit) next.set(r.orgUnit, { value: r.orgUnit, label: r.orgUnitName ?? r.orgUnit });
          return next.size === prev.size ? prev : next;
        });
      })
      .catch(showError)
      .finally(() => setLoading(false));
  }, [view, filters, page, showError]);
  useEffect(load, [load]);
  // The procedures this user may see; a server that refuses the list leaves the filter to the rows' procedures.
  useEffect(() => {
    workflowApi.definitions().then(setDefinitions, () => setDefinitions([]));
  }, []);

  const procedures = useMemo(() => {
    const byKey = new Map<string, Option>();
    for (const d of definitions) byKey.set(d.key, { value: d.key, label: d.name ?? d.key });
    for (const r of data.items)
      if (!byKey.has(r.processKey)) byKey.set(r.processKey, { value: r.processKey, label: r.processName ?? r.processKey });
    return [...byKey.values()];
  }, [definitions, data.items]);
  const units = useMemo(() => {
    const all = new Map(seen);
    for (const r of me?.roles ?? []) all.set(r.orgUnit.code, { value: r.orgUnit.code, label: r.orgUnit.name });
    return [...all.values()];
  }, [seen, me]);

  const claim = (id: string) => void api.claimTask(id).then(load).catch(showError);
  const count = (n: number) => <Badge count={n} showZero={false} size="small" offset={[6, -2]} />;
  const tab = (key: View, label: string, n?: number) => ({
    key,
    label: (
      <span data-testid={`inbox-count-${key}`}>
        {label}
        {n !== undefined && count(n)}
      </span>
    ),
  });

  const views = [
    tab('all', t('inbox.all')),
    tab('mine', t('inbox.mine'), data.counts.mine),
    tab('candidate', t('inbox.candidate'), data.counts.candidate),
    tab('overdue', t('inbox.overdue'), data.counts.overdue),
    tab('done', t('inbox.done')),
    tab('cc', t('verbs.ccTab')),
  ];
  const show = (k: string) => {
    setView(k as View);
    setPage(1);
  };

  return (
    <>
      <PageTitle>{t('shell.menu.inbox')}</PageTitle>
      {phone ? (
        // Six views do not fit a phone's tab bar, and antd's overflow menu sits inside the tablist (not a tab):
        // on a phone they are buttons that wrap onto a second line, each always in reach.
        <Radio.Group
          className="kcbx-inbox-views"
          aria-label={t('shell.menu.inbox')}
          value={view}
          optionType="button"
          onChange={(e) => show(e.target.value as string)}
          options={views.map((v) => ({ value: v.key, label: v.label }))}
        />
      ) : (
        <Tabs activeKey={view} onChange={show} items={views} />
      )}
      {view === 'cc' ? (
        <CopiedList />
      ) : (
        <>
          <InboxFilters
            value={view === 'overdue' ? { ...filters, due: 'overdue' } : filters}
            procedures={procedures}
            units={units}
            onChange={(next) => {
              setFilters(next);
              setPage(1);
            }}
          />
          {view !== 'done' && (
            <div style={{ margin: '8px 0' }}>
              <BatchApprove
                taskIds={selected}
                names={Object.fromEntries(data.items.map((r) => [r.id, `${r.studentName ?? ''} ${r.name ?? r.activityId}`.trim()]))}
                onDone={load}
              />
            </div>
          )}
          <InboxList
            items={data.items}
            done={view === 'done'}
            loading={loading}
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onPage={setPage}
            onClaim={claim}
            procedureNames={Object.fromEntries(procedures.map((o) => [o.value, o.label]))}
            selected={selected}
            onSelect={setSelected}
            onChanged={load}
          />
        </>
      )}
    </>
  );
}
