import { checkPassword } from './password-policy';

const codes = (pw: string, username?: string) => checkPassword(pw, { username }).map((p) => p.code);

describe('password policy', () => {
  it('accepts a password of letters and digits that is nobody else’s', () => {
    expect(codes('Haiyuan-Jiaoyu-2026')).toEqual([]);
    expect(codes('Xiji@2026')).toEqual([]);
    expect(codes('zhangsan7319xx')).toEqual([]);
  });

  it('refuses a short password and says how long it is', () => {
    const [problem] = checkPassword('ab12');
    expect(problem).toMatchObject({ code: 'TOO_SHORT', zh: '密码至少 8 个字符（现有 4 个）' });
  });

  it('needs letters and digits', () => {
    expect(codes('abcdefghijk')).toContain('NEEDS_LETTER_AND_DIGIT');
    expect(codes('20262026123')).toContain('NEEDS_LETTER_AND_DIGIT');
  });

  it('refuses common passwords, in any case, also with digits or symbols around them', () => {
    expect(codes('password1')).toContain('COMMON');
    expect(codes('P@ssw0rd')).toContain('COMMON');
    expect(codes('Woaini1314')).toContain('COMMON');
    expect(codes('Password2026!')).toContain('COMMON');
    expect(codes('1qaz2wsx')).toContain('COMMON');
  });

  it('refuses a password that contains the username', () => {
    expect(codes('hy-admin2026x', 'hy-admin')).toEqual(['CONTAINS_USERNAME']);
  });

  it('lists every problem at once, each in Chinese and English', () => {
    const problems = checkPassword('abc');
    expect(problems.map((p) => p.code)).toEqual(['TOO_SHORT', 'NEEDS_LETTER_AND_DIGIT']);
    for (const p of problems) expect(p.en).toMatch(/password/);
  });

  it('bounds the length', () => {
    expect(codes(`a1${'x'.repeat(200)}`)).toContain('TOO_LONG');
  });
});
