import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Statistic, Typography } from 'antd';
import { ArrowUpOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { EChartsOption } from 'echarts';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useOrgUnits } from '../../util/useOrgUnits';
import { useShowError } from '../../util/useShowError';
import { Chart } from './Chart';
import { CauseTable, MonthTable, OverdueTable, ReasonTable, totalOf, UnitCountsTable, VisitsTable } from './dashboardTables';
import { causeLabel, kindLabel, statusLabel } from './labels';
import { Dashboard, LEDGER_KINDS, LEDGER_STATUSES, ledgersApi, UnitCounts } from './ledgersApi';
import { PrintableReport } from './PrintableReport';

const KIND_COLORS = ['#1d5fa8', '#d4380d', '#7a1f1f'];

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
  const [d, setD] = useState<Dashboard | null>(null);
  const { units } = useOrgUnits();

  const setParam = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const load = useCallback(() => {
    ledgersApi.dashboard(unit).then(setD).catch(showError);
  }, [unit, showError]);
  useEffect(load, [load]);

  const parent = useMemo(() => {
    const me = units.find((u) => u.code === d?.unit.code);
    return me?.parentCode && units.some((u) => u.code === me.parentCode) ? me.parentCode : undefined;
  }, [units, d]);

  const drill = (u: Pick<UnitCounts, 'code' | 'kind'>) =>
    u.kind === 'school' ? navigate(`/ledgers?kind=suspected-dropout&orgUnit=${u.code}`) : setParam({ unit: u.code });

  if (printing) return <PrintableReport orgUnit={unit} month={month} onBack={() => setParam({ view: undefined })} />;
  if (!d) return <PageTitle>{t('shell.menu.dashboard')}</PageTitle>;

  const names = d.children.map((c) => c.name);
  const byUnit: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, bottom: 80, top: 40 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: LEDGER_KINDS.map((k, i) => ({
      name: t(kindLabel(k)),
      type: 'bar',
      stack: 'all',
      color: KIND_COLORS[i],
      data: d.children.map((c) => totalOf(c.counts[k])),
    })),
  };
  const byStatus: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: LEDGER_KINDS.map((k) => t(kindLabel(k))) },
    yAxis: { type: 'value', minInterval: 1 },
    series: LEDGER_STATUSES.map((s, i) => ({
      name: t(statusLabel(s)),
      type: 'bar',
      color: ['#fa8c16', '#1677ff', '#52c41a'][i],
      data: LEDGER_KINDS.map((k) => d.unit.counts[k][s]),
    })),
  };
  const byReason: EChartsOption = {
    tooltip: { trigger: 'item' },
    series: [
      { type: 'pie', radius: ['35%', '65%'], data: d.byReason.map((r) => ({ name: `${t(kindLabel(r.kind))}·${r.reason}`, value: r.n })) },
    ],
  };
  const causeName = (c: string) => {
    const key = causeLabel(c);
    return key ? t(key) : c;
  };
  const byCause: EChartsOption = {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: '65%', data: d.byCause.map((c) => ({ name: causeName(c.cause), value: c.n })) }],
  };
  const byMonth: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: d.byMonth.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('ledgers.dash.created'), type: 'line', data: d.byMonth.map((m) => m.created) },
      { name: t('ledgers.dash.signedOff'), type: 'line', data: d.byMonth.map((m) => m.signedOff) },
    ],
  };
  const overdue: EChartsOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, bottom: 80, top: 20 },
    xAxis: { type: 'category', data: d.overdue.children.map((c) => c.name), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('ledgers.dash.overdue'), type: 'bar', color: '#cf1322', data: d.overdue.children.map((c) => c.n) }],
  };
  const lastMonth = d.visits.months.length - 1;
  const visits: EChartsOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, bottom: 80, top: 20 },
    xAxis: { type: 'category', data: d.visits.townships.map((v) => v.name), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: d.visits.months[lastMonth],
        type: 'bar',
        data: d.visits.townships.map((v) => ({
          value: v.visits[lastMonth] ?? 0,
          itemStyle: { color: (v.visits[lastMonth] ?? 0) >= d.visits.required ? '#52c41a' : '#fa541c' },
        })),
        markLine: { symbol: 'none', data: [{ yAxis: d.visits.required }], lineStyle: { color: '#595959', type: 'dashed' } },
      },
    ],
  };
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
      <Card size="small" className="kcbx-no-print">
        <Space wrap>
          <span>{t('ledgers.dash.reportMonth')}</span>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(v) => v && setParam({ month: v.format('YYYY-MM') })}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() => ledgersApi.downloadReport(d.unit.code, month, fileName).catch(showError)}
            data-testid="dash-export"
          >
            {t('ledgers.dash.export')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => setParam({ view: 'print', unit: d.unit.code })} data-testid="dash-print">
            {t('ledgers.dash.print')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('ledgers.dash.byUnit')}>
        {d.children.length > 0 && (
          <Chart option={byUnit} height={320} onClick={(e) => drill(d.children[e.dataIndex])} testId="dash-chart-unit" />
        )}
        <UnitCountsTable
          d={d}
          onUnit={drill}
          onReport={(u) => ledgersApi.downloadReport(u.code, month, `${u.name}月报-${month}.xlsx`).catch(showError)}
          testId="dash-unit-table"
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgers.dash.byStatus')}>
            <Chart option={byStatus} testId="dash-chart-status" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgers.dash.byReason')}>
            <Chart option={byReason} height={220} testId="dash-chart-reason" />
            <ReasonTable d={d} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('ledgers.dash.byCause')}>
        <Typography.Paragraph type="secondary">{t('ledgers.dash.byCauseHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            {d.byCause.length > 0 && <Chart option={byCause} height={220} testId="dash-chart-cause" />}
          </Col>
          <Col xs={24} lg={12}>
            <CauseTable d={d} />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgers.dash.byMonth')}>
            <Chart option={byMonth} height={220} testId="dash-chart-month" />
            <MonthTable d={d} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgers.dash.overdueTotal', { n: d.overdue.total })}>
            {d.overdue.children.length > 0 && <Chart option={overdue} height={220} testId="dash-chart-overdue" />}
            <OverdueTable d={d} />
          </Card>
        </Col>
      </Row>
      {d.visits.townships.length > 0 && (
        <Card size="small" title={t('ledgers.dash.visits')}>
          <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('ledgers.dash.visitsHint', { n: d.visits.required })} />
          <Chart option={visits} height={240} testId="dash-chart-visits" />
          <VisitsTable d={d} />
        </Card>
      )}
    </Space>
  );
}
