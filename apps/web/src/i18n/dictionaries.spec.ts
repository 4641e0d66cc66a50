import { en } from './en';
import { zhCN } from './zh-CN';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('dictionaries', () => {
  it('use the same placeholders in both languages, so no value goes missing after a switch', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(zhCN[key])]);
    }
  });

  it('have no empty strings', () => {
    for (const dict of [zhCN, en]) for (const v of Object.values(dict)) expect(v.trim()).not.toBe('');
  });
});
