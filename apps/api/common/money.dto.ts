import { ApiProperty } from '@nestjs/swagger';
import { CURRENCY_MESSAGE, isCurrencyCode } from '@redress/kernel';
import { IsInt, Max, Min, ValidateBy } from 'class-validator';

/** The currency rule of libs/kernel/currencies.ts for class-validator DTOs. */
export const IsCurrencyCode = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCurrencyCode',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCurrencyCode(value),
      defaultMessage: (args) => `${args?.property} ${CURRENCY_MESSAGE}`,
    },
  });

export class MoneyDto {
  @ApiProperty({ example: 12500, description: 'Integer minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 code in use' })
  @IsCurrencyCode()
  currency: string;
}

export const toMoneyDto = (m: { amountMinor: number; currency: string }): MoneyDto => ({
  amountMinor: m.amountMinor,
  currency: m.currency,
});
