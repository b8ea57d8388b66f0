import { ApiPropertyOptional } from '@nestjs/swagger';
import { ToDate } from '@redress/http';
import { IsDate, IsOptional } from 'class-validator';

export class ReconciliationQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Paid at or after (default: the beginning)' })
  @IsOptional()
  @ToDate()
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Paid before (default: now)' })
  @IsOptional()
  @ToDate()
  @IsDate()
  to?: Date;
}
