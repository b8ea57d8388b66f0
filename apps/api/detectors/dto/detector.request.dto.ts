import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TrimmedText } from '@redress/http';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_SAMPLE_SIZE = 1_000;

export class DrawSampleRequest {
  @ApiProperty({ minimum: 1, maximum: MAX_SAMPLE_SIZE, example: 200, description: 'Cases to open' })
  @IsInt()
  @Min(1)
  @Max(MAX_SAMPLE_SIZE)
  size: number;

  @ApiPropertyOptional({
    maxLength: 100,
    example: 'v3',
    description: 'Draw from this version’s suspensions only (default: all the detector’s versions)',
  })
  @IsOptional()
  @TrimmedText(1, 100)
  version?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'audit-2026-12',
    description:
      'Makes the draw reproducible: the same seed over the same eligible suspensions draws the same ones. ' +
      'Without it a random seed is chosen, and answered.',
  })
  @IsOptional()
  @TrimmedText(1, 200)
  seed?: string;
}
