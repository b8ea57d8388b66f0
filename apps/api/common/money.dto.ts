import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class MoneyDto {
  @ApiProperty({ example: 12500, description: 'Integer minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;

  @ApiProperty({ example: 'USD', description: 'ISO-4217 code' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO-4217 code such as USD' })
  currency: string;
}

export const toMoneyDto = (m: { amountMinor: number; currency: string }): MoneyDto => ({
  amountMinor: m.amountMinor,
  currency: m.currency,
});
