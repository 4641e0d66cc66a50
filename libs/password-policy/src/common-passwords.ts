import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords people in China pick often that the international list (zxcvbn-ts, ~49,000 entries from leaked
 * password sets) does not hold: pinyin phrases, QQ-style prefixes and number puns (5201314 = 我爱你一生一世).
 */
const CHINESE_COMMON = [
  'woaini',
  'woaini1314',
  'woaini520',
  'woaini123',
  'woaini1234',
  '5201314',
  'a5201314',
  'qq123456',
  'qq5201314',
  'aa123456',
  'a123456',
  'a12345678',
  'a123456789',
  '123456a',
  '123456aa',
  '123456abc',
  'abc123456',
  'zxc123456',
  'asd123456',
  'qwe123456',
  'q1w2e3r4',
  'woshishui',
  'zhang123',
  'wang123456',
  'li123456',
  'admin123',
  'admin888',
  'admin@123',
  'kcbx2026',
];

let known: Set<string> | null = null;

/** Lower-case lookups; the list is unpacked on first use (about 50,000 words). */
export function isCommonPassword(candidate: string): boolean {
  known ??= new Set([...dictionary['passwords-common'], ...CHINESE_COMMON].map((w) => w.toLowerCase()));
  return known.has(candidate.toLowerCase());
}
