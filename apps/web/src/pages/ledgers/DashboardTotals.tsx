import { type Dashboard, LEDGER_KINDS } from '@kcbx/api-contract';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { totalOf } from './ledgerCounts';
import { kindLabel, statusLabel } from './labels';

/** The headline figures: entries per ledger (with how many are signed off) and overdue work. */
export function DashboardTotals({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  return (
    <Row gutter={16} data-testid="dash-totals">
      {LEDGER_KINDS.map((k) => (
        <Col key={k} xs={12} md={6}>
          <Card size="small" data-testid={`dash-total-${k}`}>
            <Statistic
              title={t(kindLabel(k))}
              value={totalOf(d.unit.counts[k])}
              suffix={
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 13 }}
                >{`${t(statusLabel('signed-off'))} ${d.unit.counts[k]['signed-off']}`}</Typography.Text>
              }
            />
          </Card>
        </Col>
      ))}
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('ledgers.dash.overdue')}
            value={d.overdue.total}
            valueStyle={d.overdue.total ? { color: '#cf1322' } : undefined}
          />
        </Card>
      </Col>
    </Row>
  );
}
