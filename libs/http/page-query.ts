import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?limit&cursor` of a list route; the cursors and `Page` themselves are the kernel's (libs/kernel/pagination.ts). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}
