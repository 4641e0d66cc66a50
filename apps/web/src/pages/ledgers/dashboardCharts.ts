import { type Dashboard, LEDGER_KINDS, LEDGER_STATUSES } from '@kcbx/api-contract';
import type { EChartsOption } from 'echarts';
import type { Translate } from '../../i18n/i18n';
import { totalOf } from './ledgerCounts';
import { causeLabel, kindLabel, statusLabel } from './labels';

const KIND_COLORS = ['#1d5fa8', '#d4380d', '#7a1f1f'];

/** The dashboard's charts, built from its numbers (each chart's table shows the same numbers beside it). */
export function dashboardCharts(d: Dashboard, t: Translate) {
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
          itemStyle: { color: visitColor(v.visits[lastMonth] ?? 0, d.visits.required) },
        })),
        // the county's 每月不少于 N 次 as a line; none when the county has not set it
        ...(d.visits.required === null
          ? {}
          : {
              markLine: { symbol: 'none', data: [{ yAxis: d.visits.required }], lineStyle: { color: '#595959', type: 'dashed' as const } },
            }),
      },
    ],
  };
  return { byUnit, byStatus, byReason, byCause, byMonth, overdue, visits };
}

/** green when the month met the county's visits per month, orange when not, grey when the county set none */
export function visitColor(n: number, required: number | null): string {
  if (required === null) return '#8c8c8c';
  return n >= required ? '#52c41a' : '#fa541c';
}
