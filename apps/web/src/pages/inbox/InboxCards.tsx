import { Card, List } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { InboxRowsProps } from './InboxList';
import { InboxStudent } from './InboxStudent';
import { useInboxCells } from './useInboxCells';

/** The inbox on a phone: one card a task (a phone cannot show seven columns); a card opens its task. */
export function InboxCards(props: InboxRowsProps) {
  const { items, done, loading, pageSize, total } = props;
  const { t, formatDateTime } = useI18n();
  const c = useInboxCells(props);
  return (
    <List
      data-testid="inbox-table"
      loading={loading}
      dataSource={items}
      pagination={total > pageSize ? c.pagination : false}
      locale={{ emptyText: c.empty }}
      renderItem={(r) => (
        <List.Item style={{ padding: 0, border: 'none' }}>
          <Card size="small" className="kcbx-card" onClick={() => c.open(r)} data-testid="inbox-card">
            <div className="kcbx-card-head">
              <span>
                {c.tick(r)} {c.stepLink(r)}
              </span>
              {c.claim(r)}
            </div>
            <InboxStudent task={r} />
            <div className="kcbx-muted">
              {c.procedure(r)} · {r.orgUnitName ?? ''}
            </div>
            {done ? (
              <div className="kcbx-muted">
                {t('inbox.completedAt')}：{c.completedAt(r)} · {t('inbox.currentStep')}：{c.now(r)}
              </div>
            ) : (
              <div className="kcbx-muted">
                {t('inbox.created')}：{formatDateTime(r.createdAt)} · {t('inbox.due')}：{c.due(r)}
              </div>
            )}
          </Card>
        </List.Item>
      )}
    />
  );
}
