import type { Me } from '@kcbx/api-contract';
import type { Lang } from '../i18n/i18n';

/** A role's name in the UI language (English name when there is one). */
export function roleName(role: { name: string; nameEn?: string | null }, lang: Lang): string {
  return lang === 'en' && role.nameEn ? role.nameEn : role.name;
}

/** Distinct names in first-seen order, e.g. for "their org unit name(s)" in the header. */
export function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

export function unitNames(me: Me): string[] {
  return distinct(me.roles.map((r) => r.orgUnit.name));
}

export function roleNames(me: Me, lang: Lang): string[] {
  return distinct(me.roles.map((r) => roleName(r.role, lang)));
}
