import type { ComparisonCounts } from '@kcbx/api-contract';
import { useState } from 'react';
import { Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import { ledgersApi } from './ledgersApi';

/** Runs the three-way comparison on the latest imports and shows what it found, with the way to the ledgers. */
export function ComparisonPanel() {
  const { t } = useI18n();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ counts: ComparisonCounts; durationMs: number } | null>(null);
  const run = () => {
    setBusy(true);
    ledgersApi
      .compare()
      .then(setResult)
      .catch(showError)
      .finally(() => setBusy(false));
  };
  const stat = (key: keyof ComparisonCounts, ledger?: string) => (
    <Col xs={12} md={6}>
      <Statistic title={t(`ledgers.compare.${key}`)} value={result?.counts[key] ?? '-'} valueStyle={{ fontSize: 22 }} />
      {ledger && result && (
        <Link to={`/ledgers?kind=${ledger}`} data-testid={`compare-open-${ledger}`}>
          {t('ledgers.compare.openLedger')}
        </Link>
      )}
    </Col>
  );
  return (
    <Card size="small" title={t('ledgers.compare.title')} data-testid="comparison">
      <Typography.Paragraph type="secondary">{t('ledgers.compare.hint')}</Typography.Paragraph>
      <Button type="primary" onClick={run} loading={busy} data-testid="compare-run" style={{ marginBottom: 12 }}>
        {t('ledgers.compare.run')}
      </Button>
      {result && (
        <Typography.Paragraph data-testid="compare-done">{t('ledgers.compare.done', { ms: result.durationMs })}</Typography.Paragraph>
      )}
      <Row gutter={16} data-testid="compare-counts">
        {stat('unregistered', 'school-age')}
        {stat('suspectedDropout', 'suspected-dropout')}
        {stat('povertyDropout')}
        {stat('problemRegistrations')}
      </Row>
    </Card>
  );
}
