import { lazy, Suspense, useEffect, useState } from 'react';
import { INBOX_PAGE_SIZE as PAGE_SIZE } from '../api/early';
import { api } from '../api/endpoints';
import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../shell/PageTitle';
import { useShowError } from '../util/useShowError';
import { BatchApprove } from './inbox/BatchApprove';
import { InboxFilters } from './inbox/InboxFilters';
import { InboxList } from './inbox/InboxList';
import { InboxViews } from './inbox/InboxViews';
import { useInbox, type InboxFilterValues, type InboxView } from './inbox/useInbox';
import { useInboxOptions } from './inbox/useInboxOptions';
import '../shell/lists.css';

// 抄送 is not the view a page opens on: its list's code comes when it is chosen.
const CopiedList = lazy(() => import('./inbox/CopiedList').then((m) => ({ default: m.CopiedList })));

/**
 * The clerk's inbox: tasks assigned to them or offered to their roles at their units, who each is about,
 * overdue ones in red; filters by procedure, due state and unit; 已办 lists what I completed.
 */
export default function InboxPage() {
  const { t } = useI18n();
  const showError = useShowError();
  const [view, setView] = useState<InboxView>('all');
  const [filters, setFilters] = useState<InboxFilterValues>({});
  const [page, setPage] = useState(1);
  // each page's cursor, learnt from the page before it (the server then reads only the page's own rows)
  const [cursors, setCursors] = useState<Record<number, string>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const inbox = useInbox(view, filters, page, PAGE_SIZE, cursors[page]);
  const { procedures, units } = useInboxOptions(inbox.items);
  const next = inbox.nextCursor;
  useEffect(() => {
    if (next) setCursors((known) => (known[page + 1] === next ? known : { ...known, [page + 1]: next }));
  }, [next, page]);

  // Each new list (another view, filter or page, or the same one loaded again) starts with nothing ticked.
  const reload = () => {
    setSelected([]);
    setCursors({});
    inbox.reload();
  };
  const turnPage = (next: number) => {
    setSelected([]);
    setPage(next);
  };
  const show = (view: InboxView) => {
    setSelected([]);
    setCursors({});
    setView(view);
    setPage(1);
  };
  const filter = (values: InboxFilterValues) => {
    setSelected([]);
    setCursors({});
    setFilters(values);
    setPage(1);
  };
  const claim = (id: string) => void api.claimTask(id).then(reload).catch(showError);

  return (
    <>
      <PageTitle>{t('shell.menu.inbox')}</PageTitle>
      <InboxViews view={view} counts={inbox.counts} onChange={show} />
      {view === 'cc' ? (
        <Suspense fallback={null}>
          <CopiedList />
        </Suspense>
      ) : (
        <>
          <InboxFilters
            value={view === 'overdue' ? { ...filters, due: 'overdue' } : filters}
            procedures={procedures}
            units={units}
            onChange={filter}
          />
          {view !== 'done' && (
            <div style={{ margin: '8px 0' }}>
              <BatchApprove
                taskIds={selected}
                names={Object.fromEntries(inbox.items.map((r) => [r.id, `${r.studentName ?? ''} ${r.name ?? r.activityId}`.trim()]))}
                onDone={reload}
              />
            </div>
          )}
          <InboxList
            items={inbox.items}
            done={view === 'done'}
            loading={inbox.loading}
            page={page}
            pageSize={PAGE_SIZE}
            total={inbox.total}
            totalCapped={inbox.totalCapped}
            hasNext={!!inbox.nextCursor}
            onPage={turnPage}
            onClaim={claim}
            procedureNames={Object.fromEntries(procedures.map((o) => [o.value, o.label]))}
            selected={selected}
            onSelect={setSelected}
            onChanged={reload}
          />
        </>
      )}
    </>
  );
}
