import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { reportsApi } from './reportsApi';

/**
 * The month's figures the ledgers do not hold, for the dashboard: 缓学 / 休学 / 送教上门 children, 家访 coverage,
 * rectification progress and the unexplained 三统一 differences — the same numbers as the monthly period report.
 */
export function StatusSummaryCard({ orgUnit, month }: { orgUnit: string; month: string }) {
  const { t } = useI18n();
  const showError = useShowError();
  const { data: r } = useLoad(() => reportsApi.report('month', month, orgUnit), [orgUnit, month], showError);
  if (!r) return null;
  const x = r.unit.extras;
  const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : '—');
  return (
    <Card
      size="small"
      title={t('reports.summary', { month: r.period.label })}
      extra={<Link to={`/reports?type=month&period=${month}&orgUnit=${orgUnit}`}>{t('reports.menu')}</Link>}
      data-testid="dash-status-summary"
    >
      <Row gutter={[16, 8]}>
        <Col xs={8} md={4}>
          <Statistic title={t('reports.deferred')} value={x.deferred} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t('reports.suspended')} value={x.suspended} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t('reports.homeTeaching')} value={x.homeTeaching} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('reports.summaryVisits')}
            value={pct(x.homeVisits.visited, x.homeVisits.students)}
            suffix={`(${x.homeVisits.visited}/${x.homeVisits.students})`}
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('reports.summaryRectification')} value={`${x.rectification.done}/${x.rectification.total}`} />
        </Col>
        <Col xs={12} md={4}>
          <Link to={`/reconciliation?orgUnit=${orgUnit}`}>
            <Statistic
              title={t('reports.check.unexplained')}
              value={r.unexplainedDifferences}
              valueStyle={r.unexplainedDifferences ? { color: '#cf1322' } : undefined}
            />
          </Link>
        </Col>
      </Row>
    </Card>
  );
}
