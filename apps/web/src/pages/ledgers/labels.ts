import type { LedgerKind, LedgerStatus, RegisterField, RegisterSource } from '@kcbx/api-contract';
import type { MessageKey } from '../../i18n/zh-CN';

/** Message keys built from API values, typed so a new value without a label is a compile error. */
export const sourceLabel = (s: RegisterSource): MessageKey => `ledgers.source.${s}`;
export const sourceHint = (s: RegisterSource): MessageKey => `ledgers.sourceHint.${s}`;
export const fieldLabel = (f: RegisterField): MessageKey => `ledgers.field.${f}`;
export const kindLabel = (k: LedgerKind): MessageKey => `ledgers.kind.${k}`;
export const statusLabel = (s: LedgerStatus): MessageKey => `ledgers.status.${s}`;
export const STATUS_COLOR: Record<LedgerStatus, string> = { open: 'orange', 'in-progress': 'blue', 'signed-off': 'green' };

const ACTIONS = ['created', 'seen-again', 'status-changed', 'case-started', 'signed-off', 'promoted'] as const;
export const actionLabel = (a: string): MessageKey | null =>
  (ACTIONS as readonly string[]).includes(a) ? (`ledgers.action.${a as (typeof ACTIONS)[number]}` as MessageKey) : null;

const CAUSES = ['learning-difficulty', 'migrant-work', 'early-marriage', 'illness', 'poverty', 'religion', 'other'] as const;
/** The causes of the county's persuasion visit form; a county's own cause shows as recorded. */
export const causeLabel = (c: string): MessageKey | null =>
  (CAUSES as readonly string[]).includes(c) ? (`ledgers.cause.${c as (typeof CAUSES)[number]}` as MessageKey) : null;
