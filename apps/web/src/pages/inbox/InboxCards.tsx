import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/i18n';
import { LightCard } from '../../shell/LightCard';
import type { InboxRowsProps } from './InboxList';
import { InboxStudent } from './InboxStudent';
import { useInboxCells } from './useInboxCells';

// Most teachers' work fits one page: the pager's code comes only when there is a second page.
const Pagination = lazy(() => import('antd/es/pagination'));

/**
 * The inbox on a phone: one card a task (a phone cannot show seven columns); a card opens its task. Plain cards
 * in antd's small-card look (shell/LightCard), not antd's List and Card: a phone draws the list first, and those
 * cost it code and render time (issue #19).
 */
export function InboxCards(props: InboxRowsProps) {
  const { items, done, loading, pageSize, total, hasNext } = props;
  const { t, formatDateTime } = useI18n();
  const c = useInboxCells(props);
  return (
    <Spin spinning={loading}>
      <div data-testid="inbox-table" className="kcbx-cards">
        {items.length === 0 && !loading && c.empty}
        {items.map((r) => (
          <LightCard
            key={r.id}
            style={{ padding: 12, marginBottom: 10 }}
            className="kcbx-card"
            onClick={() => c.open(r)}
            data-testid="inbox-card"
          >
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
          </LightCard>
        ))}
        {(total > pageSize || hasNext) && (
          <Suspense fallback={null}>
            <Pagination {...c.pagination} align="end" style={{ marginTop: 12 }} />
          </Suspense>
        )}
      </div>
    </Spin>
  );
}
