import { isCommonPassword } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 8;
/** bounded: argon2 hashes whatever it is given, and nobody types more */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblemCode = 'TOO_SHORT' | 'TOO_LONG' | 'NEEDS_LETTER_AND_DIGIT' | 'COMMON' | 'CONTAINS_USERNAME';

export interface PasswordProblem {
  code: PasswordProblemCode;
  zh: string;
  en: string;
}

/**
 * The platform's password rule, in one place for every way a password is set (create-admin today, the API's
 * user administration later): at least 8 characters, letters and digits, not a common password (also not one
 * with digits or symbols put before or after it, like `password2026`), not containing the username.
 * Returns every problem, so a refusal can say all of them at once; an empty list means accepted.
 */
export function checkPassword(password: string, context: { username?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({
      code: 'TOO_SHORT',
      zh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符（现有 ${password.length} 个）`,
      en: `the password needs at least ${PASSWORD_MIN_LENGTH} characters (it has ${password.length})`,
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push({
      code: 'TOO_LONG',
      zh: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`,
      en: `the password may have at most ${PASSWORD_MAX_LENGTH} characters`,
    });
  }
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) {
    problems.push({
      code: 'NEEDS_LETTER_AND_DIGIT',
      zh: '密码须同时包含字母和数字',
      en: 'the password needs both letters and digits',
    });
  }
  if (isCommonPassword(password) || isCommonPassword(core(password))) {
    problems.push({
      code: 'COMMON',
      zh: '这是常见密码（或常见密码加数字、符号），很容易被猜中，请换一个',
      en: 'this is a common password (or one with digits or symbols added), easily guessed; choose another',
    });
  }
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) {
    problems.push({
      code: 'CONTAINS_USERNAME',
      zh: '密码不能包含用户名',
      en: 'the password must not contain the username',
    });
  }
  return problems;
}

/** the password without the digits and symbols at its ends: `Password2026!` → `Password` */
function core(password: string): string {
  const stripped = password.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return stripped.length >= 4 ? stripped : password;
}
