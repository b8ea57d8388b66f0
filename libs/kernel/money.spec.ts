import { CURRENCY_CODES, isCurrencyCode } from './currencies';
import { addMoney, money, subtractMoney } from './money';

describe('Money', () => {
  it('adds and subtracts within one currency', () => {
    expect(addMoney(money(150, 'eur'), money(50, 'EUR'))).toEqual({ amountMinor: 200, currency: 'EUR' });
    expect(subtractMoney(money(150, 'USD'), money(200, 'USD'))).toEqual({
      amountMinor: -50,
      currency: 'USD',
    });
  });

  it('refuses floats and mixed currencies', () => {
    expect(() => money(1.5, 'EUR')).toThrow('integer');
    expect(() => addMoney(money(1, 'EUR'), money(1, 'USD'))).toThrow('currency mismatch');
  });

  it('takes only ISO 4217 codes in use', () => {
    expect(money(1, 'XCG').currency).toBe('XCG');
    for (const code of ['ZZZ', 'XXX', 'XTS', 'HRK', 'ZWL', 'US', 'USDX', ''])
      expect(() => money(1, code)).toThrow('ISO 4217');
  });
});

describe('CURRENCY_CODES', () => {
  it('is upper case, sorted, without repeats, and independent of the ICU build', () => {
    expect(CURRENCY_CODES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect([...new Set(CURRENCY_CODES)].sort()).toEqual(CURRENCY_CODES);
    expect(CURRENCY_CODES).toEqual(expect.arrayContaining(['USD', 'EUR', 'JPY', 'CHF', 'VED', 'XAD']));
    expect(isCurrencyCode('usd')).toBe(false);
  });
});
