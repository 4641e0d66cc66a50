import type { ReconciliationKind } from '@kcbx/api-contract';
import type { MessageKey } from '../../i18n/zh-CN';

export const differenceLabel = (k: ReconciliationKind): MessageKey => `reports.check.kind.${k}`;
export const DIFFERENCE_COLOR: Record<ReconciliationKind, string> = {
  'poverty-only': 'red',
  'register-only': 'orange',
  'ledger-only': 'blue',
};
