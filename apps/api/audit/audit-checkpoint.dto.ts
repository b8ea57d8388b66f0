import { ApiProperty } from '@nestjs/swagger';

export class AuditCheckpointResponse {
  @ApiProperty({
    description: 'Every event up to this seq is linked (a seq without an event was rolled back)',
  })
  seq: number;
  @ApiProperty({
    description: "The global chain's digest there: sha256(previous + ':' + seq + ':' + hash), from 64 zeros",
    example: 'c0535e4be2b79ffd93291305436bf889314e4a3faec05ecffcbb7df31ad9e51a',
  })
  digest: string;
  @ApiProperty({ description: 'Events linked up to seq' }) count: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({
    description: 'Base64 Ed25519 signature over the RFC 8785 canonical JSON of { seq, digest, count, at }',
  })
  signature: string;
}
