import type { OrgUnitKind } from '@kcbx/api-contract';
import type { Translate } from './i18n';
import type { MessageKey } from './zh-CN';

export function kindLabel(t: Translate, kind: OrgUnitKind | string): string {
  const key = `kind.${kind}` as MessageKey;
  return key in KNOWN ? t(key) : kind;
}

/** Permissions the UI knows how to name; unknown ones are shown as their key. */
export function permissionLabel(t: Translate, permission: string): string {
  const key = `perm.${permission}` as MessageKey;
  return key in KNOWN ? t(key) : permission;
}

const KNOWN: Record<string, true> = Object.fromEntries(
  ['county', 'township', 'school', 'village', 'office']
    .map((k) => [`kind.${k}`, true as const])
    .concat(
      ['admin', 'design', 'audit.read', 'ledger.manage', 'ledger.report', 'report.read', 'student.manage'].map((p) => [
        `perm.${p}`,
        true as const,
      ]),
    ),
);

export const KNOWN_PERMISSIONS = ['admin', 'design', 'audit.read', 'ledger.manage', 'ledger.report', 'report.read', 'student.manage'];
