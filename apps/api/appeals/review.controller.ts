import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiPropertyOptional,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import {
  APPEAL_STATUSES,
  AppealQueries,
  ClaimNextUseCase,
  DecideAppealUseCase,
  TransitionAppealUseCase,
  QUEUE_SORTS,
  type AppealStatus,
  type QueueSort,
} from '@redress/appeals';
import { Allow, CurrentActor } from '@redress/auth';
import { ApiProblems, IfMatch, PageQuery } from '@redress/http';
import type { Actor } from '@redress/kernel';
import { REASON_CODES } from '@redress/suspensions';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { DecisionRequest, ReasonRequest, RequestInfoRequest } from './dto/appeal.request.dto';
import {
  QueuedAppealResponse,
  StaffAppealResponse,
  toQueuedAppeal,
  toStaffAppeal,
} from './dto/appeal.response.dto';

export class QueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPEAL_STATUSES, description: 'Default: every open status' })
  @IsOptional()
  @IsIn(APPEAL_STATUSES)
  status?: AppealStatus;
  @ApiPropertyOptional({ enum: [1, 2] }) @IsOptional() @Type(() => Number) @IsInt() @IsIn([1, 2]) level?:
    1 | 2;
  @ApiPropertyOptional({ enum: REASON_CODES }) @IsOptional() @IsIn(REASON_CODES) reasonCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() waveId?: string;
  @ApiPropertyOptional({ description: '`me`, `none`, or a reviewer id' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  assignee?: string;
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  slaBreached?: boolean;
  @ApiPropertyOptional({
    enum: QUEUE_SORTS,
    description:
      '`priority` (default): bands of ten points, highest first, the SLA-breached cases of a band above its others, then priority, submission time and id; `decisionDueAt`: the decision due first',
  })
  @IsOptional()
  @IsIn(QUEUE_SORTS)
  sort?: QueueSort;
}

@ApiTags('review')
@ApiBearerAuth()
@Controller('v1')
@Allow('queue.work')
export class ReviewController {
  constructor(
    private readonly queries: AppealQueries,
    private readonly claimNext: ClaimNextUseCase,
    private readonly transitions: TransitionAppealUseCase,
    private readonly decide: DecideAppealUseCase,
  ) {}

  @Get('review/queue')
  @ApiPageResponse(QueuedAppealResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listReviewQueue',
    summary: 'List the review queue',
    description:
      'Open appeals by priority band, highest first, the SLA-breached cases of a band above its others (or by decision due date, `sort=decisionDueAt`), each with its suspension’s language and frozen balance; filters by status, level, reason, wave, assignee and SLA breach. Reviewers see level 1, senior reviewers both levels.',
  })
  async queue(@CurrentActor() actor: Actor, @Query() query: QueueQuery) {
    const { limit, cursor, ...filter } = query;
    const page = await this.queries.queue(filter, actor.sub, limit, cursor);
    return { data: page.data.map(toQueuedAppeal), nextCursor: page.nextCursor };
  }

  @Post('review/next')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAppealResponse, description: 'The appeal now claimed by the caller' })
  @ApiNoContentResponse({ description: 'Nothing claimable' })
  @ApiProblems()
  @ApiOperation({
    operationId: 'claimNextAppeal',
    summary: 'Claim the next appeal',
    description: 'Claims the highest-priority unclaimed appeal the caller may work; 204 when there is none.',
  })
  async next(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffAppealResponse | undefined> {
    const appeal = await this.claimNext.execute(actor);
    if (!appeal) {
      reply.status(204);
      return undefined;
    }
    return toStaffAppeal(appeal);
  }

  @Post('appeals/:id/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAppealResponse })
  @ApiProblems('not_found', 'invalid_transition', 'already_claimed', 'version_mismatch')
  @ApiOperation({
    operationId: 'claimAppeal',
    summary: 'Claim an appeal',
    description: 'Assigns the appeal to the caller; 409 already_claimed if another reviewer holds it.',
  })
  async claim(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @IfMatch() version?: number) {
    return toStaffAppeal(await this.transitions.simple(actor, id, 'claim', version));
  }

  @Post('appeals/:id/release')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAppealResponse })
  @ApiProblems('not_found', 'invalid_transition', 'version_mismatch')
  @ApiOperation({
    operationId: 'releaseAppeal',
    summary: 'Release a claimed appeal',
    description: 'Back to the queue, unassigned. Senior reviewers may release anyone’s.',
  })
  async release(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @IfMatch() version?: number) {
    return toStaffAppeal(await this.transitions.simple(actor, id, 'release', version));
  }

  @Post('appeals/:id/request-info')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAppealResponse })
  @ApiProblems('not_found', 'invalid_transition', 'version_mismatch')
  @ApiOperation({
    operationId: 'requestAppealInfo',
    summary: 'Ask the appellant for information',
    description:
      'The appeal waits for the appellant (awaiting_appellant) until they answer or the deadline passes; the question is sent as a notice.',
  })
  async requestInfo(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: RequestInfoRequest,
    @IfMatch() version?: number,
  ) {
    return toStaffAppeal(await this.transitions.requestInfo(actor, id, body, version));
  }

  @Post('appeals/:id/escalate')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAppealResponse })
  @ApiProblems('not_found', 'invalid_transition', 'version_mismatch')
  @ApiOperation({
    operationId: 'escalateAppeal',
    summary: 'Escalate an appeal to level 2',
    description: 'Hands the case to the senior reviewers with a reason.',
  })
  async escalate(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: ReasonRequest,
    @IfMatch() version?: number,
  ) {
    return toStaffAppeal(await this.transitions.escalate(actor, id, body.reason, version));
  }

  @Post('appeals/:id/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAppealResponse })
  @ApiProblems('not_found', 'invalid_transition', 'version_mismatch', 'refund_exceeds_balance')
  @ApiOperation({
    operationId: 'decideAppeal',
    summary: 'Decide an appeal',
    description:
      'Upheld, overturned or modified, with a rationale. Overturning lifts the suspension and releases the frozen balance; a `refund` proposes a refund in the same transaction. The decision notice names the out-of-court dispute body.',
  })
  async decision(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: DecisionRequest,
    @IfMatch() version?: number,
  ) {
    return toStaffAppeal(await this.decide.execute(actor, id, body, version));
  }

  @Post('appeals/:id/reopen')
  @HttpCode(200)
  @Allow('appeal.reopen')
  @ApiOkResponse({ type: StaffAppealResponse })
  @ApiProblems('not_found', 'invalid_transition', 'reopen_window_closed', 'version_mismatch')
  @ApiOperation({
    operationId: 'reopenAppeal',
    summary: 'Reopen a decided appeal',
    description: 'Senior reviewers, within 30 days of the decision, with a reason.',
  })
  async reopen(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: ReasonRequest,
    @IfMatch() version?: number,
  ) {
    return toStaffAppeal(await this.transitions.reopen(actor, id, body.reason, version));
  }
}
