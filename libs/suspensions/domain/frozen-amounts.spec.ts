import { MAX_AMOUNT_MINOR, MAX_BALANCE_MINOR } from '@redress/kernel';
import { frozenAmountProblems, holdingKey } from './frozen-amounts';

const freeze = (accountId: string, amountMinor: number, currency = 'USD') => ({
  accountId,
  frozenBalance: { amountMinor, currency },
});
const fieldsOf = (suspensions: ReturnType<typeof freeze>[], held = new Map<string, number>()) =>
  frozenAmountProblems(suspensions, held, (s) => `items[${suspensions.indexOf(s)}]`).map((p) => p.field);

describe('frozenAmountProblems', () => {
  it('refuses a single amount over MAX_AMOUNT_MINOR', () => {
    expect(fieldsOf([freeze('a', MAX_AMOUNT_MINOR), freeze('b', MAX_AMOUNT_MINOR + 1)])).toEqual([
      'items[1]',
    ]);
  });

  it('refuses, in order, each amount that takes an account’s holding in a currency past MAX_BALANCE_MINOR', () => {
    const almostFull = MAX_BALANCE_MINOR - 10;
    const held = new Map([[holdingKey('a', 'USD'), almostFull]]);
    const batch = [
      freeze('a', 10),
      freeze('a', 1),
      freeze('a', 1, 'EUR'),
      freeze('b', 1),
      freeze('a', 0),
      freeze('a', 5),
    ];
    expect(fieldsOf(batch, held)).toEqual(['items[1]', 'items[5]']);
  });

  it('sums within the list too', () => {
    const count = Math.floor(MAX_BALANCE_MINOR / MAX_AMOUNT_MINOR);
    const batch = Array.from({ length: count + 1 }, () => freeze('a', MAX_AMOUNT_MINOR));
    expect(fieldsOf(batch)).toEqual([`items[${count}]`]);
  });
});
