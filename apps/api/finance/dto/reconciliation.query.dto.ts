import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

export class ReconciliationQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Paid at or after (default: the beginning)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Paid before (default: now)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}
