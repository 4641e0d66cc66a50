import type { RetentionOverview, RetentionRunView } from '@kcbx/api-contract';
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { request } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

const STATUS_COLOR = { done: 'green', running: 'blue', failed: 'red' } as const;

/** 历史数据清理: the county's retention period and what each daily cleanup removed (read-only). */
export default function RetentionPage() {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const { data, loading } = useLoad(() => request<RetentionOverview>('GET', '/api/admin/retention'), [], showError);

  return (
    <>
      <PageTitle>{t('retention.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('retention.intro')}</Typography.Paragraph>
      {data?.source === 'invalid' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('retention.invalid', { problem: data.problem ?? '' })} />
      )}
      {data && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="retention-period">
          <Descriptions.Item label={t('retention.period')}>
            {t(data.source === 'county-parameters' ? 'retention.periodValue' : 'retention.periodDefault', { period: data.retention })}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table<RetentionRunView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.runs ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('retention.empty')}</Typography.Text> }}
        data-testid="retention-runs"
        columns={[
          { title: t('retention.day'), dataIndex: 'day' },
          { title: t('retention.cutoff'), dataIndex: 'cutoff', render: (v: string) => formatDateTime(v) },
          {
            title: t('retention.status'),
            dataIndex: 'status',
            render: (s: RetentionRunView['status']) => <Tag color={STATUS_COLOR[s]}>{t(`retention.${s}`)}</Tag>,
          },
          { title: t('retention.instances'), dataIndex: 'instances' },
          {
            title: t('retention.removed'),
            dataIndex: 'removed',
            render: (removed: Record<string, number>) =>
              Object.entries(removed)
                .filter(([, n]) => n > 0)
                .map(([table, n]) => `${table.replace(/^bpmn_/, '')} ${n}`)
                .join('，') || '0',
          },
        ]}
      />
    </>
  );
}
