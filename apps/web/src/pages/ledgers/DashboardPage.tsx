import type { UnitCounts } from '@kcbx/api-contract';
import { useMemo } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { ArrowUpOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useOrgUnits } from '../../util/useOrgUnits';
import { useShowError } from '../../util/useShowError';
import { Chart } from './Chart';
import { dashboardCharts } from './dashboardCharts';
import { DashboardBreakdowns } from './DashboardBreakdowns';
import { VisitComplianceCard } from '../visits/VisitComplianceCard';
import { DashboardTotals } from './DashboardTotals';
import { ledgersApi } from './ledgersApi';
import { PrintableReport } from './PrintableReport';
import { ReportBar } from './ReportBar';
import { UnitCountsTable } from './UnitCountsTable';
import { StatusSummaryCard } from '../reports/StatusSummaryCard';

/**
 * The bureau's and each township's picture: ledger counts by unit, status, reason and month, overdue work and
 * 包抓 visits — each chart with its numbers as a table. Clicking a township shows its schools; a school opens
 * its ledger entries (and from there the student file). The monthly report exports to XLSX or prints on A4.
 */
export default function DashboardPage() {
  const { t } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? undefined;
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const printing = params.get('view') === 'print';
  const { units } = useOrgUnits();

  const setParam = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const { data: d } = useLoad(() => ledgersApi.dashboard(unit), [unit], showError);

  const parent = useMemo(() => {
    const me = units.find((u) => u.code === d?.unit.code);
    return me?.parentCode && units.some((u) => u.code === me.parentCode) ? me.parentCode : undefined;
  }, [units, d]);

  const drill = (u: Pick<UnitCounts, 'code' | 'kind'>) =>
    u.kind === 'school' ? navigate(`/ledgers?kind=suspected-dropout&orgUnit=${u.code}`) : setParam({ unit: u.code });

  if (printing) return <PrintableReport orgUnit={unit} month={month} onBack={() => setParam({ view: undefined })} />;
  if (!d) return <PageTitle>{t('shell.menu.dashboard')}</PageTitle>;

  const charts = dashboardCharts(d, t);
  const fileName = `${d.unit.name}月报-${month}.xlsx`;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageTitle>{t('shell.menu.dashboard')}</PageTitle>
      <Space wrap>
        <Typography.Text strong data-testid="dash-scope">
          {t('ledgers.dash.scope', { unit: d.unit.name })}
        </Typography.Text>
        {parent && (
          <Button size="small" icon={<ArrowUpOutlined />} onClick={() => setParam({ unit: parent })} data-testid="dash-up">
            {t('ledgers.dash.up')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('ledgers.dash.drillHint')}</Typography.Text>
      </Space>
      <DashboardTotals d={d} />
      <StatusSummaryCard orgUnit={d.unit.code} month={month} />
      <ReportBar
        month={month}
        onMonth={(m) => setParam({ month: m })}
        onExport={() => ledgersApi.downloadReport(d.unit.code, month, fileName).catch(showError)}
        onPrint={() => setParam({ view: 'print', unit: d.unit.code })}
      />
      <Card size="small" title={t('ledgers.dash.byUnit')}>
        {d.children.length > 0 && (
          <Chart option={charts.byUnit} height={320} onClick={(e) => drill(d.children[e.dataIndex])} testId="dash-chart-unit" />
        )}
        <UnitCountsTable
          d={d}
          onUnit={drill}
          onReport={(u) => ledgersApi.downloadReport(u.code, month, `${u.name}月报-${month}.xlsx`).catch(showError)}
          testId="dash-unit-table"
        />
      </Card>
      <DashboardBreakdowns d={d} charts={charts} />
      {(d.visits.townships.length > 0 || d.visits.people.length > 0) && <VisitComplianceCard d={d} townshipChart={charts.visits} />}
    </Space>
  );
}
