import { Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  AuditChainLinker,
  AuditQueries,
  AuditSigningKey,
  AuditVerifier,
  type SignedAuditCheckpoint,
} from '@redress/audit';
import { Allow } from '@redress/auth';
import { ApiProblems, PageQuery, TrimmedText } from '@redress/http';
import { IsOptional } from 'class-validator';
import { ApiPageResponse } from '../common/api-page';
import { AuditCheckpointResponse } from './audit-checkpoint.dto';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the events of this entity (appeal, suspension, refund, …)' })
  @IsOptional()
  @TrimmedText(1, 255)
  entityId?: string;
}

export class AuditEventResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: { sub: 'rev_1', roles: ['reviewer'] } }) actor: { sub: string; roles: string[] };
  @ApiProperty({ example: 'appeal.claimed' }) action: string;
  @ApiProperty({ example: 'appeal' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ description: 'Hash of the previous event of the same entity (64 zeros for the first)' })
  prevHash: string;
  @ApiProperty({ description: 'sha256(prevHash + canonical JSON of the event)' }) hash: string;
}

export class AuditVerificationResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Events checked' }) checked: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Lowest seq whose hash, entity link or global-chain link does not verify; for a checkpoint that does ' +
      'not match (a consistent rewrite), the first seq after the last checkpoint that did',
  })
  firstBrokenSeq: number | null;
  @ApiProperty({ description: 'Checkpoints whose signature, count and digest matched' })
  checkpointsVerified: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Events up to this seq are vouched for by a signed checkpoint; later ones only by the database',
  })
  lastCheckpointSeq: number | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
@Allow('audit.read')
export class AuditController {
  constructor(
    private readonly queries: AuditQueries,
    private readonly verifier: AuditVerifier,
    private readonly linker: AuditChainLinker,
    private readonly signingKey: AuditSigningKey,
  ) {}

  @Get()
  @ApiPageResponse(AuditEventResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary: 'Read the audit log',
    description:
      'Events in order, optionally of one entity; each carries the hash chaining it to the previous one.',
  })
  list(@Query() query: AuditQuery) {
    return this.queries.list({ entityId: query.entityId }, query.limit, query.cursor);
  }

  @Get('verify')
  @ApiOkResponse({ type: AuditVerificationResponse })
  @ApiProblems()
  @ApiOperation({
    operationId: 'verifyAuditLog',
    summary: 'Verify the audit log',
    description: 'Recomputes every hash and link, and checks the signed checkpoints.',
  })
  verify(): Promise<AuditVerificationResponse> {
    return this.verifier.verify();
  }

  @Get('checkpoints')
  @ApiOperation({
    operationId: 'listAuditCheckpoints',
    summary: 'List the signed checkpoints',
    description: 'Signed checkpoints of the global chain, newest first: keep a copy outside Redress.',
  })
  @ApiPageResponse(AuditCheckpointResponse)
  @ApiProblems()
  checkpoints(@Query() query: PageQuery) {
    return this.queries.checkpoints(query.limit, query.cursor);
  }

  @Post('checkpoints')
  @Allow('audit.sign_checkpoint')
  @ApiOperation({
    operationId: 'signAuditCheckpoint',
    summary: 'Link and sign now',
    description:
      'Waits up to 5 s for the transactions in flight to end, then links every event committed before the ' +
      'call and signs a checkpoint; past the wait, the checkpoint covers what is final by then (see seq).',
  })
  @ApiCreatedResponse({ type: AuditCheckpointResponse })
  @ApiProblems()
  checkpointNow(): Promise<SignedAuditCheckpoint> {
    return this.linker.checkpointNow();
  }

  @Get('checkpoints/public-key')
  @ApiOperation({
    operationId: 'getAuditPublicKey',
    summary: 'Read the checkpoints’ public key',
    description: 'The Ed25519 public key that verifies the checkpoints, as SPKI PEM.',
  })
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({ content: { 'application/x-pem-file': { schema: { type: 'string' } } } })
  @ApiProblems()
  publicKey(): StreamableFile {
    return new StreamableFile(Buffer.from(this.signingKey.publicKeyPem), {
      type: 'application/x-pem-file',
      disposition: 'attachment; filename="audit-public-key.pem"',
    });
  }
}
