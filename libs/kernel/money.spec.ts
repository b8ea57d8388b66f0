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
});
