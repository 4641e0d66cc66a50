import type { RectificationStage } from '@kcbx/api-contract';
import { useState } from 'react';
import { Alert, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { rectificationApi } from '../../api/rectification';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { RectificationFilters } from './RectificationFilters';
import { RectificationItems } from './RectificationItems';
import '../../shell/lists.css';

const PAGE_SIZE = 50;

/** 督导室: every rectification item of the county with its stage, 不到位 and the 纪检组's record; cards on a phone. */
export default function RectificationPage() {
  const { t } = useI18n();
  const showError = useShowError();
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

  return (
    <>
      <PageTitle>{t('rectification.title')}</PageTitle>
      <Typography.Paragraph className="kcbx-muted">{t('rectification.hint')}</Typography.Paragraph>
      <RectificationFilters stage={stage} substandard={substandard} counts={data?.counts} onChange={set} />
      {data && data.counts.substandard > 0 && !substandard && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('rectification.count', { label: t('rectification.substandard'), count: data.counts.substandard })}
        />
      )}
      <RectificationItems data={data} loading={loading} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
    </>
  );
}
