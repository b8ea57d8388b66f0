import { describe, expect, it } from 'vitest';
import { currencyExponent, toMinorUnits } from './format';
import { interpolate } from './i18n';
import { en } from './strings.en';
import { zhCN } from './strings.zh-CN';

describe('UI strings', () => {
  it('Simplified Chinese has every English key, with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(en))
      expect([key, placeholders(zhCN[key as keyof typeof en])]).toEqual([key, placeholders(text)]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} of {b}', { a: 1 })).toBe('1 of {b}');
  });
});

describe('money input', () => {
  it('converts major units to integer minor units per currency', () => {
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(toMinorUnits('125', 'USD')).toBe(12500);
    expect(toMinorUnits('62.5', 'USD')).toBe(6250);
    expect(toMinorUnits('0,07', 'EUR')).toBe(7);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('1.005', 'USD')).toBeNull();
    expect(toMinorUnits('-3', 'USD')).toBeNull();
    expect(toMinorUnits('abc', 'USD')).toBeNull();
  });
});
