import { Button, Card, Checkbox, Empty, Grid, List, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { InboxTask } from '@kcbx/api-contract';
import { useI18n } from '../../i18n/i18n';
import { DoneCaseActions } from './DoneCaseActions';
import { studentOf } from './inboxRow';

/** where a case I worked on is now: the server lists its open steps (currentSteps); older answers one name */
function currentStep(r: InboxTask): string | null {
  if (r.currentSteps?.length) return r.currentSteps.join('、');
  return r.currentStep ?? null;
}

export interface InboxListProps {
  items: InboxTask[];
  done: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  onClaim(id: string): void;
  /** Procedure names by key, for rows from a server that does not send processName. */
  procedureNames?: Record<string, string>;
  /** 批量审批: the ticked open tasks */
  selected?: string[];
  onSelect?(ids: string[]): void;
  /** 已办: a 撤回 or 催办 changed where a case stands */
  onChanged?(): void;
}

/** Who the case is about: name, masked ID number (6…4) and school, each only when known. */
function Student({ task }: { task: InboxTask }) {
  const s = studentOf(task);
  if (!s.name) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className="kcbx-student" data-testid="inbox-student">
      <strong>{s.name}</strong>
      {s.id && <span className="kcbx-muted"> {s.id}</span>}
      {s.school && <div className="kcbx-muted">{s.school}</div>}
    </span>
  );
}

/**
 * The inbox rows: a table on a desk, cards below 992 px (a phone cannot show seven columns). A row or card opens
 * its task; the claim button only claims. 已办 rows show when I completed them and where the case is now.
 */
export function InboxList({
  items,
  done,
  loading,
  page,
  pageSize,
  total,
  onPage,
  onClaim,
  procedureNames = {},
  selected = [],
  onSelect,
  onChanged = () => undefined,
}: InboxListProps) {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const desk = Grid.useBreakpoint().lg === true;
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
    r.currentTasks?.length ? <DoneCaseActions tasks={r.currentTasks} onChanged={onChanged} /> : (currentStep(r) ?? t('inbox.caseEnded'));
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
  const pagination = { current: page, pageSize, total, onChange: onPage, showSizeChanger: false, size: 'small' as const };
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={done ? t('inbox.doneEmpty') : t('inbox.empty')} />;

  if (!desk) {
    return (
      <List
        data-testid="inbox-table"
        loading={loading}
        dataSource={items}
        pagination={total > pageSize ? pagination : false}
        locale={{ emptyText: empty }}
        renderItem={(r) => (
          <List.Item style={{ padding: 0, border: 'none' }}>
            <Card size="small" className="kcbx-card" onClick={() => open(r)} data-testid="inbox-card">
              <div className="kcbx-card-head">
                <span>
                  {tick(r)} {stepLink(r)}
                </span>
                {claim(r)}
              </div>
              <Student task={r} />
              <div className="kcbx-muted">
                {procedure(r)} · {r.orgUnitName ?? ''}
              </div>
              {done ? (
                <div className="kcbx-muted">
                  {t('inbox.completedAt')}：{r.completedAt ? formatDateTime(r.completedAt) : '—'} · {t('inbox.currentStep')}：{now(r)}
                </div>
              ) : (
                <div className="kcbx-muted">
                  {t('inbox.created')}：{formatDateTime(r.createdAt)} · {t('inbox.due')}：{due(r)}
                </div>
              )}
            </Card>
          </List.Item>
        )}
      />
    );
  }

  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      data-testid="inbox-table"
      dataSource={items}
      onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' } })}
      locale={{ emptyText: empty }}
      pagination={pagination}
      rowSelection={
        !done && onSelect
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys.map(String)),
              getCheckboxProps: (r: InboxTask) => ({ 'data-testid': 'inbox-select', 'aria-label': selectLabel(r) }) as never,
            }
          : undefined
      }
      columns={[
        { title: t('inbox.student'), key: 'student', render: (_: unknown, r) => <Student task={r} /> },
        { title: t('inbox.process'), key: 'process', render: (_: unknown, r) => procedure(r) },
        {
          title: done ? t('inbox.myStep') : t('inbox.task'),
          dataIndex: 'name',
          render: (_: unknown, r) => stepLink(r),
        },
        { title: t('inbox.unit'), dataIndex: 'orgUnitName' },
        ...(done
          ? [
              {
                title: t('inbox.completedAt'),
                key: 'completedAt',
                render: (_: unknown, r: InboxTask) => (r.completedAt ? formatDateTime(r.completedAt) : '—'),
              },
              {
                title: t('inbox.currentStep'),
                key: 'currentStep',
                render: (_: unknown, r: InboxTask) => now(r),
              },
            ]
          : [
              { title: t('inbox.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: t('inbox.due'), key: 'due', render: (_: unknown, r: InboxTask) => due(r) },
              { title: '', key: 'actions', render: (_: unknown, r: InboxTask) => claim(r) },
            ]),
      ]}
    />
  );
}
