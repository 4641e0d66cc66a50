import type { Inbox } from '@kcbx/api-contract';
import { Badge, Grid, Radio } from 'antd';
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { InboxView } from './useInbox';

// A desk's tab bar; a phone never draws it, so its code loads on a desk only.
const Tabs = lazy(() => import('antd/es/tabs'));

/** The inbox's six views (全部 · 我的 · 待认领 · 已逾期 · 已办 · 抄送), with the waiting counts as badges. */
export function InboxViews({ view, counts, onChange }: { view: InboxView; counts: Inbox['counts']; onChange(view: InboxView): void }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const tab = (key: InboxView, label: string, n?: number) => ({
    key,
    label: (
      <span data-testid={`inbox-count-${key}`}>
        {label}
        {n !== undefined && <Badge count={n} showZero={false} size="small" offset={[6, -2]} />}
      </span>
    ),
  });
  const views = [
    tab('all', t('inbox.all')),
    tab('mine', t('inbox.mine'), counts.mine),
    tab('candidate', t('inbox.candidate'), counts.candidate),
    tab('overdue', t('inbox.overdue'), counts.overdue),
    tab('done', t('inbox.done')),
    tab('cc', t('verbs.ccTab')),
  ];

  return phone ? (
    // Six views do not fit a phone's tab bar, and antd's overflow menu sits inside the tablist (not a tab):
    // on a phone they are buttons that wrap onto a second line, each always in reach.
    <Radio.Group
      className="kcbx-inbox-views"
      aria-label={t('shell.menu.inbox')}
      value={view}
      optionType="button"
      onChange={(e) => onChange(e.target.value as InboxView)}
      options={views.map((v) => ({ value: v.key, label: v.label }))}
    />
  ) : (
    <Suspense fallback={<div style={{ height: 62 }} />}>
      <Tabs activeKey={view} onChange={(k) => onChange(k as InboxView)} items={views} />
    </Suspense>
  );
}
