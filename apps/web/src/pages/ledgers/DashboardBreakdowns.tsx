import type { Dashboard } from '@kcbx/api-contract';
import { Card, Col, Row, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { Chart } from './Chart';
import type { dashboardCharts } from './dashboardCharts';
import { CauseTable, MonthTable, OverdueTable, ReasonTable } from './dashboardTables';

/** The scope's entries by status, reason, cause and month, and its overdue work: each chart with its numbers. */
export function DashboardBreakdowns({ d, charts }: { d: Dashboard; charts: ReturnType<typeof dashboardCharts> }) {
  const { t } = useI18n();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgers.dash.byStatus')}>
            <Chart option={charts.byStatus} testId="dash-chart-status" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgers.dash.byReason')}>
            <Chart option={charts.byReason} height={220} testId="dash-chart-reason" />
            <ReasonTable d={d} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('ledgers.dash.byCause')}>
        <Typography.Paragraph type="secondary">{t('ledgers.dash.byCauseHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            {d.byCause.length > 0 && <Chart option={charts.byCause} height={220} testId="dash-chart-cause" />}
          </Col>
          <Col xs={24} lg={12}>
            <CauseTable d={d} />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgers.dash.byMonth')}>
            <Chart option={charts.byMonth} height={220} testId="dash-chart-month" />
            <MonthTable d={d} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgers.dash.overdueTotal', { n: d.overdue.total })}>
            {d.overdue.children.length > 0 && <Chart option={charts.overdue} height={220} testId="dash-chart-overdue" />}
            <OverdueTable d={d} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
