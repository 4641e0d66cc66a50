import { Select } from 'antd';
import type { InboxQuery } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n';

export interface Option {
  value: string;
  label: string;
}

export interface InboxFiltersProps {
  value: Omit<InboxQuery, 'scope'>;
  procedures: Option[];
  units: Option[];
  onChange(next: Omit<InboxQuery, 'scope'>): void;
}

/** Procedure, due state and unit: each a labelled select that can be cleared back to "all". */
export function InboxFilters({ value, procedures, units, onChange }: InboxFiltersProps) {
  const { t } = useI18n();
  return (
    <div className="kcbx-filters" data-testid="inbox-filters">
      <Select
        allowClear
        aria-label={t('inbox.filter.procedure')}
        placeholder={t('inbox.filter.procedure')}
        value={value.processKey}
        options={procedures}
        onChange={(processKey?: string) => onChange({ ...value, processKey })}
        data-testid="inbox-filter-procedure"
      />
      <Select
        allowClear
        aria-label={t('inbox.filter.due')}
        placeholder={t('inbox.filter.due')}
        value={value.due}
        options={[
          { value: 'overdue', label: t('inbox.overdue') },
          { value: 'soon', label: t('inbox.dueSoon') },
        ]}
        onChange={(due?: 'overdue' | 'soon') => onChange({ ...value, due })}
        data-testid="inbox-filter-due"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        aria-label={t('inbox.filter.unit')}
        placeholder={t('inbox.filter.unit')}
        value={value.orgUnit}
        options={units}
        onChange={(orgUnit?: string) => onChange({ ...value, orgUnit })}
        data-testid="inbox-filter-unit"
      />
    </div>
  );
}
