import { useState } from 'react';
import { Alert, Button, Space, Spin, Switch, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { useLoad } from '../../util/useLoad';
import { DifferencesTable } from './DifferencesTable';
import { ExplainModal } from './ExplainModal';
import { ReconciliationUnitsTable } from './ReconciliationUnitsTable';
import { reportsApi } from './reportsApi';
import { useExplanation } from './useExplanation';

/**
 * 三统一核对 (人账相符): per unit the children on the platform's account, on the latest 学籍名册 and on the poverty
 * office's list, then every difference child by child; each is explained with a note (who and when recorded)
 * before the unit's report can be signed.
 */
export default function ReconciliationPage() {
  const { t } = useI18n();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const orgUnit = params.get('orgUnit') ?? undefined;
  const [onlyOpen, setOnlyOpen] = useState(true);
  const { data, reload } = useLoad(() => reportsApi.reconciliation(orgUnit), [orgUnit], showError);
  const explanation = useExplanation(reload);

  if (!data) return <Spin />;
  const diffs = onlyOpen ? data.differences.filter((d) => !d.explanation) : data.differences;
  return (
    <>
      <PageTitle>{t('reports.check.title')}</PageTitle>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('reports.check.hint')}
        </Typography.Paragraph>
        {!data.imports.student && <Alert type="info" showIcon message={t('reports.check.noRegister')} />}
        {!data.imports.poverty && <Alert type="info" showIcon message={t('reports.check.noPoverty')} />}
        {orgUnit && <Button onClick={() => setParams({}, { replace: true })}>{t('reports.up')}</Button>}
        <ReconciliationUnitsTable data={data} onDrill={(code) => setParams({ orgUnit: code }, { replace: true })} />
        <Space>
          <Switch checked={onlyOpen} onChange={setOnlyOpen} aria-label={t('reports.check.onlyOpen')} />
          {t('reports.check.onlyOpen')}
        </Space>
        {data.differences.length === 0 ? (
          <Alert type="success" showIcon message={t('reports.check.none')} />
        ) : (
          <DifferencesTable diffs={diffs} onExplain={explanation.open} />
        )}
      </Space>
      <ExplainModal explanation={explanation} />
    </>
  );
}
