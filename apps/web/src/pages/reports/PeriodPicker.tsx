import type { ReportPeriodType } from '@kcbx/api-contract';
import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/i18n';
import type { ReportPeriods } from './reportsApi';

interface Props {
  type: ReportPeriodType;
  /** 2026-03, 2026-Q1, a term's first day, 2026 */
  period: string;
  periods: ReportPeriods;
  onChange(period: string): void;
}

/** Picks the period of the chosen type: a month, a year and quarter, one of the county's terms, or a year. */
export function PeriodPicker({ type, period, periods, onChange }: Props) {
  const { t } = useI18n();
  if (type === 'term')
    return (
      <Select
        style={{ minWidth: 220 }}
        aria-label={t('reports.period')}
        value={period}
        onChange={(v) => onChange(v)}
        options={periods.terms.map((term) => ({ value: term.start, label: term.name }))}
        data-testid="report-term"
      />
    );
  if (type === 'quarter') {
    const [y, q] = period.split('-Q');
    return (
      <Space>
        <DatePicker
          picker="year"
          aria-label={t('reports.period')}
          allowClear={false}
          value={dayjs(`${y}-01-01`)}
          onChange={(d) => d && onChange(`${d.year()}-Q${q}`)}
        />
        <Select
          aria-label={t('reports.period')}
          value={q}
          onChange={(v) => onChange(`${y}-Q${v}`)}
          options={['1', '2', '3', '4'].map((n) => ({ value: n, label: t('reports.quarter', { q: n }) }))}
        />
      </Space>
    );
  }
  if (type === 'year')
    return (
      <DatePicker
        picker="year"
        aria-label={t('reports.period')}
        allowClear={false}
        value={dayjs(`${period}-01-01`)}
        onChange={(d) => d && onChange(String(d.year()))}
      />
    );
  return (
    <DatePicker
      picker="month"
      aria-label={t('reports.period')}
      allowClear={false}
      value={dayjs(`${period}-01`)}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
    />
  );
}
