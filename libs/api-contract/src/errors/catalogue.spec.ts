import { ERROR_CATALOGUE, wireCode, type ErrorKey } from './catalogue';
import { errorText, templateParams } from './format';

const keys = Object.keys(ERROR_CATALOGUE) as ErrorKey[];

describe('error catalogue', () => {
  it('given every entry, then it has a Chinese and an English text that name the same parameters', () => {
    for (const key of keys) {
      const { zh, en } = ERROR_CATALOGUE[key];
      expect({ key, zh: zh.trim().length > 0, en: en.trim().length > 0 }).toEqual({ key, zh: true, en: true });
      expect({ key, params: templateParams(zh) }).toEqual({ key, params: templateParams(en) });
    }
  });

  it('given the Chinese text, then it is written in Chinese; and the English text has no Chinese characters', () => {
    for (const key of keys) {
      expect({ key, zhHasHan: /\p{Script=Han}/u.test(ERROR_CATALOGUE[key].zh) }).toEqual({ key, zhHasHan: true });
      expect({ key, enHasHan: /\p{Script=Han}/u.test(ERROR_CATALOGUE[key].en) }).toEqual({ key, enHasHan: false });
    }
  });

  it('given a key with a variant, then its wire code is the part before the slash and a valid code', () => {
    for (const key of keys) expect(wireCode(key)).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(wireCode('FORBIDDEN/unclaim-not-holder')).toBe('FORBIDDEN');
  });

  it('when parameters are filled in, then nouns and lists follow the language and a missing one stays visible', () => {
    expect(errorText('NOT_FOUND/id', 'zh', { thing: { noun: 'ledger' }, id: 'x' })).toBe('未找到台账 x');
    expect(errorText('NOT_FOUND/id', 'en', { thing: { noun: 'ledger' }, id: 'x' })).toBe('Ledger x not found');
    expect(errorText('BAD_FILE/attachment-type', 'zh', { extensions: ['.pdf', '.jpg'] })).toBe('只接受内容与扩展名一致的 .pdf、.jpg 文件');
    expect(errorText('BAD_FILE/attachment-type', 'en', { extensions: ['.pdf', '.jpg'] })).toContain('.pdf, .jpg');
    expect(errorText('ORG_UNIT_EXISTS', 'en')).toBe('Org unit code {code} already exists');
    expect(errorText('PASSWORD_WEAK', 'en', { reasons: { zh: '太短', en: 'too short' } })).toBe('password refused: too short');
  });
});
