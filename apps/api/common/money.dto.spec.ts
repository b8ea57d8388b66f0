import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MoneyDto } from './money.dto';

const problems = (currency: unknown) =>
  validateSync(plainToInstance(MoneyDto, { amountMinor: 100, currency })).flatMap((e) =>
    Object.values(e.constraints ?? {}),
  );

describe('MoneyDto', () => {
  it('takes ISO 4217 codes in use only, by the kernel’s list', () => {
    expect(problems('EUR')).toEqual([]);
    expect(problems('XCG')).toEqual([]);
    for (const currency of ['ZZZ', 'eur', 'XXX', 'HRK', 42])
      expect(problems(currency)).toEqual(['currency must be an ISO 4217 currency code in use, such as USD']);
  });
});
