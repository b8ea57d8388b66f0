import { describe, expect, it } from 'vitest';
import { interpolate, translator } from './i18n';
import { en } from './strings.en';
import { zhCN } from './strings.zh-CN';

describe('the words of the page', () => {
  it('Simplified Chinese has every English key, with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(en))
      expect([key, placeholders(zhCN[key as keyof typeof en])]).toEqual([key, placeholders(text)]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{n} of {max}', { n: 3 })).toBe('3 of {max}');
    expect(translator('zh-CN')('counter.count', { n: 5, max: '10,000' })).toBe('5 / 10,000 个字符。');
  });
});
