import { emptyDefinition, FORM_KEY, keyFromName } from './index';
import { checkDefinition } from '@kcbx/forms';

describe('a form key from the Chinese name', () => {
  it('given a Chinese name, when a key is proposed, then it is the pinyin without tones, syllables joined by "-"', () => {
    expect(keyFromName('劝返工作记录')).toBe('quan-fan-gong-zuo-ji-lu');
    expect(keyFromName('重庆学生女儿')).toBe('chong-qing-xue-sheng-nv-er');
  });

  it('given Latin letters, digits and punctuation in the name, when a key is proposed, then letters and digits stay and punctuation separates', () => {
    expect(keyFromName('A类学生 情况（试点）')).toBe('a-lei-xue-sheng-qing-kuang-shi-dian');
    expect(keyFromName('2026年春季复学登记')).toBe('form-2026-nian-chun-ji-fu-xue-deng-ji');
  });

  it('given a key already taken, when a key is proposed, then it is numbered', () => {
    expect(keyFromName('家访记录', ['jia-fang-ji-lu'])).toBe('jia-fang-ji-lu-2');
    expect(keyFromName('家访记录', ['jia-fang-ji-lu', 'jia-fang-ji-lu-2'])).toBe('jia-fang-ji-lu-3');
  });

  it('given a very long name, when a key is proposed, then it stops at a whole syllable within 48 characters', () => {
    const key = keyFromName('西吉县义务教育阶段控辍保学劝返复学工作情况统计登记表及附件材料清单');
    expect(key.length).toBeLessThanOrEqual(48);
    expect(key).toMatch(/^xi-ji-xian-yi-wu-jiao-yu/);
    expect(key.endsWith('-')).toBe(false);
  });

  it('given a name with nothing to spell, when a key is proposed, then there is none (staff type one)', () => {
    expect(keyFromName('  ')).toBe('');
    expect(keyFromName('（）')).toBe('');
  });

  it('given a proposed key and a Chinese name only, when the form is made, then the definition passes the checker', () => {
    const key = keyFromName('家访记录');
    expect(FORM_KEY.test(key)).toBe(true);
    expect(checkDefinition(emptyDefinition(key, { zh: '家访记录', en: '家访记录' }))).toEqual([]);
  });
});
