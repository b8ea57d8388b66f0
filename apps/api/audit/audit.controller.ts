import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuditQueries, AuditVerifier } from '@redress/audit';
import { Roles } from '@redress/auth';
import { ApiProblems, PageQuery, TrimmedText } from '@redress/http';
import { IsOptional } from 'class-validator';
import { ApiPageResponse } from '../common/api-page';

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
  @ApiProperty({ nullable: true, type: Number, description: 'Lowest seq whose link or hash does not verify' })
  firstBrokenSeq: number | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
@Roles('admin')
export class AuditController {
  constructor(
    private readonly queries: AuditQueries,
    private readonly verifier: AuditVerifier,
  ) {}

  @Get()
  @ApiPageResponse(AuditEventResponse)
  @ApiProblems()
  list(@Query() query: AuditQuery) {
    return this.queries.list({ entityId: query.entityId }, query.limit, query.cursor);
  }

  @Get('verify')
  @ApiOkResponse({ type: AuditVerificationResponse })
  @ApiProblems()
  verify(): Promise<AuditVerificationResponse> {
    return this.verifier.verify();
  }
}
