import { inboxCountLabel, type InboxTask } from '@kcbx/api-contract';
import { Button, Checkbox, Empty, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import type { InboxRowsProps } from './InboxList';

// 已办 only: its dialogs' code comes when that view is opened.
const DoneCaseActions = lazy(() => import('./DoneCaseActions').then((m) => ({ default: m.DoneCaseActions })));

/** where a case I worked on is now: the server lists its open steps (currentSteps); older answers one name */
function currentStep(r: InboxTask): string | null {
  if (r.currentSteps?.length) return r.currentSteps.join('、');
  return r.currentStep ?? null;
}

/** What each inbox row shows, the same in the desk's table and the phone's cards. */
export function useInboxCells({
  done,
  page,
  pageSize,
  total,
  totalCapped,
  hasNext,
  onPage,
  onClaim,
  procedureNames,
  selected,
  onSelect,
  onChanged,
}: InboxRowsProps) {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  // A completed task has no page to open: its row leads to the student's file, where the whole case is.
  const target = (r: InboxTask) => (done ? (r.studentId ? `/students/${r.studentId}` : null) : `/tasks/${r.id}`);
  const open = (r: InboxTask) => {
    const to = target(r);
    if (to) navigate(to);
  };
  const stepLink = (r: InboxTask) => {
    const to = target(r);
    const name = r.name ?? r.activityId;
    return to ? (
      <Link to={to} onClick={(e) => e.stopPropagation()}>
        {name}
      </Link>
    ) : (
      name
    );
  };
  const procedure = (r: InboxTask) => r.processName ?? procedureNames[r.processKey] ?? r.processKey;
  const due = (r: InboxTask) =>
    r.dueAt ? (
      <span className={r.overdue ? 'kcbx-overdue' : undefined} data-testid="inbox-due">
        {formatDateTime(r.dueAt)}
        {r.overdue && (
          <Tag color="red" style={{ marginInlineStart: 6 }}>
            {t('inbox.overdue')}
          </Tag>
        )}
      </span>
    ) : (
      '—'
    );
  const claim = (r: InboxTask) =>
    done ? null : r.assignee ? (
      <Tag>{t('inbox.claimed')}</Tag>
    ) : (
      <Button
        onClick={(e) => {
          e.stopPropagation();
          onClaim(r.id);
        }}
      >
        {t('inbox.claim')}
      </Button>
    );
  // where a case I worked on stands, with 撤回 and 催办 on its open steps
  const now = (r: InboxTask) =>
    r.currentTasks?.length ? (
      <Suspense fallback={r.currentTasks.map((x) => x.name).join('、')}>
        <DoneCaseActions tasks={r.currentTasks} onChanged={onChanged} />
      </Suspense>
    ) : (
      (currentStep(r) ?? t('inbox.caseEnded'))
    );
  const completedAt = (r: InboxTask) => (r.completedAt ? formatDateTime(r.completedAt) : '—');
  // a screen reader says which step of which child a box selects for 批量审批
  const selectLabel = (r: InboxTask) => [r.studentName, r.stepName ?? r.name].filter(Boolean).join(' · ');
  const tick = (r: InboxTask) =>
    !done && onSelect ? (
      <Checkbox
        checked={selected.includes(r.id)}
        onClick={(e) => e.stopPropagation()}
        onChange={(e) => onSelect(e.target.checked ? [...selected, r.id] : selected.filter((x) => x !== r.id))}
        data-testid="inbox-select"
        aria-label={selectLabel(r)}
      />
    ) : null;
  // A capped total (at least INBOX_COUNT_CAP) offers the pages it covers and, past them, the next one while there is one.
  const shown = totalCapped ? Math.max(total, (page + (hasNext ? 1 : 0)) * pageSize) : total;
  const pagination = {
    current: page,
    pageSize,
    total: shown,
    onChange: onPage,
    showSizeChanger: false,
    size: 'small' as const,
    ...(totalCapped ? { showTotal: () => t('inbox.totalAtLeast', { count: inboxCountLabel(total) }) } : {}),
  };
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={done ? t('inbox.doneEmpty') : t('inbox.empty')} />;

  return { open, stepLink, procedure, due, claim, now, completedAt, selectLabel, tick, pagination, empty };
}
