import { RECTIFICATION_STAGE_LABELS, RECTIFICATION_STAGES, type RectificationItemRow, type RectificationStage } from '@kcbx/api-contract';
import { useState } from 'react';
import { Alert, Card, Empty, Grid, List, Select, Switch, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { rectificationApi } from '../../api/rectification';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import '../../shell/lists.css';

const PAGE_SIZE = 50;
const STAGE_COLOURS: Record<RectificationStage, string> = {
  rectifying: 'blue',
  verifying: 'gold',
  archiving: 'purple',
  'signed-off': 'green',
  terminated: 'default',
};

/** 督导室: every rectification item of the county with its stage, 不到位 and the 纪检组's record; cards on a phone. */
export default function RectificationPage() {
  const { t, lang } = useI18n();
  const showError = useShowError();
  const desk = Grid.useBreakpoint().lg === true;
  const [params, setParams] = useSearchParams();
  const stage = (params.get('stage') ?? '') as RectificationStage | '';
  const substandard = params.get('substandard') === 'true';
  const [page, setPage] = useState(1);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };

  const { data, loading } = useLoad(
    () => rectificationApi.items({ stage: stage || undefined, substandard, page, pageSize: PAGE_SIZE }),
    [stage, substandard, page],
    showError,
  );

  const stageLabel = (s: RectificationStage) => RECTIFICATION_STAGE_LABELS[s][lang === 'en' ? 'en' : 'zh'];
  const stageTag = (r: RectificationItemRow) => (
    <Tag color={STAGE_COLOURS[r.stage]} data-testid="rectification-stage">
      {stageLabel(r.stage)}
    </Tag>
  );
  const flags = (r: RectificationItemRow) => (
    <>
      {r.overdue && <Tag color="red">{t('rectification.overdue')}</Tag>}
      {r.verifyFailures > 0 && <Tag>{t('rectification.failures', { count: r.verifyFailures })}</Tag>}
      {r.substandard && (
        <Tag color="red" data-testid="rectification-substandard">
          {t('rectification.substandard')}
        </Tag>
      )}
      {r.accountability !== 'none' && (
        <Tag color={r.accountability === 'pending' ? 'orange' : 'default'}>{t(`rectification.accountability.${r.accountability}`)}</Tag>
      )}
    </>
  );
  const unit = (r: RectificationItemRow) => r.orgUnitName ?? r.orgUnit ?? '—';
  const steps = (r: RectificationItemRow) => (r.openSteps.length ? r.openSteps.join('、') : '—');
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: data?.total ?? 0,
    onChange: setPage,
    showSizeChanger: false,
    size: 'small' as const,
  };
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rectification.empty')} />;

  return (
    <>
      <PageTitle>{t('rectification.title')}</PageTitle>
      <Typography.Paragraph className="kcbx-muted">{t('rectification.hint')}</Typography.Paragraph>
      <div className="kcbx-filters">
        <Select
          data-testid="rectification-stage-filter"
          aria-label={t('rectification.stage')}
          value={stage}
          onChange={(v: string) => set('stage', v || undefined)}
          options={[
            { value: '', label: t('rectification.allStages') },
            ...RECTIFICATION_STAGES.map((s) => ({
              value: s,
              label: data ? t('rectification.count', { label: stageLabel(s), count: data.counts[s] }) : stageLabel(s),
            })),
          ]}
        />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minHeight: 40 }}>
          <Switch
            data-testid="rectification-substandard-filter"
            checked={substandard}
            onChange={(on) => set('substandard', on ? 'true' : undefined)}
          />
          {t('rectification.onlySubstandard')}
          {data ? `（${data.counts.substandard}）` : ''}
        </label>
      </div>
      {data && data.counts.substandard > 0 && !substandard && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('rectification.count', { label: t('rectification.substandard'), count: data.counts.substandard })}
        />
      )}
      {desk ? (
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
            { title: t('rectification.unit'), key: 'unit', render: (_: unknown, r) => unit(r) },
            { title: t('rectification.person'), dataIndex: 'responsiblePerson', render: (v: string | null) => v ?? '—' },
            { title: t('rectification.deadline'), dataIndex: 'deadline', render: (v: string | null) => v ?? '—' },
            { title: t('rectification.stage'), key: 'stage', render: (_: unknown, r) => stageTag(r) },
            { title: t('rectification.openSteps'), key: 'steps', render: (_: unknown, r) => steps(r) },
            { title: '', key: 'flags', render: (_: unknown, r) => flags(r) },
          ]}
        />
      ) : (
        <List
          data-testid="rectification-table"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={(data?.total ?? 0) > PAGE_SIZE ? pagination : false}
          locale={{ emptyText: empty }}
          renderItem={(r) => (
            <List.Item style={{ padding: 0, border: 'none' }}>
              <Card size="small" className="kcbx-card" style={{ width: '100%', cursor: 'default' }} data-testid="rectification-card">
                <div className="kcbx-card-head">
                  <span style={{ overflowWrap: 'anywhere' }}>{r.problem ?? '—'}</span>
                  {stageTag(r)}
                </div>
                <div className="kcbx-muted">
                  {unit(r)}
                  {r.responsiblePerson ? ` · ${r.responsiblePerson}` : ''} · {t('rectification.deadline')}：{r.deadline ?? '—'}
                </div>
                <div className="kcbx-muted">
                  {t('rectification.openSteps')}：{steps(r)}
                </div>
                <div style={{ marginTop: 4 }}>{flags(r)}</div>
              </Card>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
