import { ApiProperty } from '@nestjs/swagger';

/** A detector version as the enforcement system names it. */
export class DetectorRefDto {
  @ApiProperty({ example: 'distill-detector' }) name: string;
  @ApiProperty({ example: 'v3' }) version: string;
}
