import type { Student, StudentStatus } from '@kcbx/api-contract';
import type { MessageKey } from '../../i18n/zh-CN';
import type { Translate } from '../../i18n/i18n';

/** a label for every status of the contract's lifecycle (a new status does not compile without one) */
const STATUS_KEYS: Record<StudentStatus, MessageKey> = {
  enrolled: 'students.status.enrolled',
  'suspected-dropout': 'students.status.suspected-dropout',
  dropout: 'students.status.dropout',
  returned: 'students.status.returned',
  deferred: 'students.status.deferred',
  suspended: 'students.status.suspended',
  'home-teaching': 'students.status.home-teaching',
  transferred: 'students.status.transferred',
  graduated: 'students.status.graduated',
};

export function statusText(t: Translate, status: string): string {
  const key = STATUS_KEYS[status as StudentStatus];
  return key ? t(key) : status;
}

export function sexText(t: Translate, sex: string): string {
  return sex === 'male' ? t('students.sex.male') : sex === 'female' ? t('students.sex.female') : sex;
}

export function gradeText(s: Pick<Student, 'grade' | 'className'>): string {
  return [s.grade, s.className].filter(Boolean).join(' ');
}

/** Support flags as captions (脱贫户, 留守儿童 …), for the file header. */
export function flagTexts(t: Translate, flags: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (flags.povertyHousehold) out.push(t('students.flag.povertyHousehold'));
  if (flags.leftBehind) out.push(t('students.flag.leftBehind'));
  if (flags.migrant) out.push(t('students.flag.migrant'));
  if (flags.orphan) out.push(t('students.flag.orphan'));
  if (flags.disability) out.push(t('students.flag.disability'));
  return out;
}
