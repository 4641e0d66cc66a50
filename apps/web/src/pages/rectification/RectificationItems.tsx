import type { RectificationItemList, RectificationItemRow } from '@kcbx/api-contract';
import { Card, Empty, Grid, List, Table } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { ItemFlags, StageTag, stepsOf, unitOf } from './ItemTags';
import '../../shell/lists.css';

interface Props {
  data: RectificationItemList | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage(page: number): void;
}

/** One page of items: a table from a desk, cards on a phone (paged only when there is more than one page). */
export function RectificationItems({ data, loading, page, pageSize, onPage }: Props) {
  const { t } = useI18n();
  const desk = Grid.useBreakpoint().lg === true;
  const pagination = { current: page, pageSize, total: data?.total ?? 0, onChange: onPage, showSizeChanger: false, size: 'small' as const };
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rectification.empty')} />;

  if (desk)
    return (
      <Table<RectificationItemRow>
        rowKey="instanceId"
        size="middle"
        loading={loading}
        data-testid="rectification-table"
        dataSource={data?.items ?? []}
        locale={{ emptyText: empty }}
        pagination={pagination}
        columns={[
          { title: t('rectification.problem'), dataIndex: 'problem', render: (v: string | null) => v ?? '—' },
          { title: t('rectification.unit'), key: 'unit', render: (_: unknown, r) => unitOf(r) },
          { title: t('rectification.person'), dataIndex: 'responsiblePerson', render: (v: string | null) => v ?? '—' },
          { title: t('rectification.deadline'), dataIndex: 'deadline', render: (v: string | null) => v ?? '—' },
          { title: t('rectification.stage'), key: 'stage', render: (_: unknown, r) => <StageTag r={r} /> },
          { title: t('rectification.openSteps'), key: 'steps', render: (_: unknown, r) => stepsOf(r) },
          { title: '', key: 'flags', render: (_: unknown, r) => <ItemFlags r={r} /> },
        ]}
      />
    );
  return (
    <List
      data-testid="rectification-table"
      loading={loading}
      dataSource={data?.items ?? []}
      pagination={(data?.total ?? 0) > pageSize ? pagination : false}
      locale={{ emptyText: empty }}
      renderItem={(r) => (
        <List.Item style={{ padding: 0, border: 'none' }}>
          <Card size="small" className="kcbx-card" style={{ width: '100%', cursor: 'default' }} data-testid="rectification-card">
            <div className="kcbx-card-head">
              <span style={{ overflowWrap: 'anywhere' }}>{r.problem ?? '—'}</span>
              <StageTag r={r} />
            </div>
            <div className="kcbx-muted">
              {unitOf(r)}
              {r.responsiblePerson ? ` · ${r.responsiblePerson}` : ''} · {t('rectification.deadline')}：{r.deadline ?? '—'}
            </div>
            <div className="kcbx-muted">
              {t('rectification.openSteps')}：{stepsOf(r)}
            </div>
            <div style={{ marginTop: 4 }}>
              <ItemFlags r={r} />
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
