import { LEDGER_STATUSES, type LedgerStatus } from '@kcbx/api-contract';
import { useMemo } from 'react';
import { Button, Select, Space, TreeSelect } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { buildOrgTree } from '../../util/orgTree';
import { useOrgUnits } from '../../util/useOrgUnits';
import { statusLabel } from './labels';
import type { LedgerFilterChanges } from './useLedgerFilters';

interface Props {
  orgUnit: string | undefined;
  status: LedgerStatus | undefined;
  onChange(changes: LedgerFilterChanges): void;
  /** shows the bulk button (starting persuasion for the selected entries) */
  manage: boolean;
  selectedCount: number;
  onBulkStart(): void;
}

/** The unit (down to schools) and status filters, and the button that starts persuasion for the selection. */
export function LedgerFilters({ orgUnit, status, onChange, manage, selectedCount, onBulkStart }: Props) {
  const { t } = useI18n();
  const { units } = useOrgUnits();
  const tree = useMemo(() => buildOrgTree(units.filter((u) => u.kind !== 'village')), [units]);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <TreeSelect
        style={{ width: 280 }}
        allowClear
        showSearch
        treeNodeFilterProp="title"
        placeholder={t('ledgers.filter.allUnits')}
        aria-label={t('ledgers.filter.unit')}
        treeData={tree}
        value={orgUnit}
        onChange={(v?: string) => onChange({ orgUnit: v })}
        data-testid="ledger-filter-unit"
      />
      <Select
        style={{ width: 160 }}
        allowClear
        placeholder={t('ledgers.filter.allStatuses')}
        aria-label={t('ledgers.filter.status')}
        value={status}
        onChange={(v?: string) => onChange({ status: v })}
        options={LEDGER_STATUSES.map((s) => ({ value: s, label: t(statusLabel(s)) }))}
        data-testid="ledger-filter-status"
      />
      {manage && (
        <Button type="primary" disabled={!selectedCount} onClick={onBulkStart} data-testid="ledger-bulk-start">
          {t('ledgers.startBulk', { n: selectedCount })}
        </Button>
      )}
    </Space>
  );
}
