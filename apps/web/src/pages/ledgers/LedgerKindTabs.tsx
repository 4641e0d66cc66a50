import { LEDGER_KINDS, type LedgerKind } from '@kcbx/api-contract';
import { Badge, Tabs } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { kindLabel } from './labels';

interface Props {
  kind: LedgerKind;
  /** entries per ledger under the same unit and status filters */
  counts: Partial<Record<LedgerKind, number>> | undefined;
  onChange(kind: LedgerKind): void;
}

/** One tab per ledger, each with its count. */
export function LedgerKindTabs({ kind, counts, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Tabs
      activeKey={kind}
      onChange={(k) => onChange(k as LedgerKind)}
      items={LEDGER_KINDS.map((k) => ({
        key: k,
        label: (
          <span data-testid={`ledger-tab-${k}`}>
            {t(kindLabel(k))}
            <Badge count={counts?.[k] ?? 0} showZero overflowCount={99999} size="small" color="#8c8c8c" offset={[6, -2]} />
          </span>
        ),
      }))}
    />
  );
}
