import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
  ApiOperation,
} from '@nestjs/swagger';
import {
  AppealQueries,
  assertSeesAppeal,
  FileAppealUseCase,
  PostMessageUseCase,
  TransitionAppealUseCase,
} from '@redress/appeals';
import { AuditQueries } from '@redress/audit';
import { Allow, CurrentActor } from '@redress/auth';
import { ApiProblems, AppellantRateLimit, CreatedAt, Idempotent, IfMatch, PageQuery } from '@redress/http';
import { DomainError, type Actor } from '@redress/kernel';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { eitherView } from '../common/views';
import { AuditEventResponse } from '../audit/audit.controller';
import { isStaffViewer, viewOf } from './appeal-views';
import { FileAppealRequest, PostMessageRequest } from './dto/appeal.request.dto';
import {
  AppellantAppealResponse,
  MessageResponse,
  StaffAppealResponse,
  toAppellantAppeal,
  toMessageResponse,
} from './dto/appeal.response.dto';

const EITHER_VIEW = {
  description: 'The caller’s view: appellants get AppellantAppealResponse, staff StaffAppealResponse',
  schema: eitherView(getSchemaPath(StaffAppealResponse), getSchemaPath(AppellantAppealResponse)),
};

@ApiTags('appeals')
@ApiBearerAuth()
@ApiExtraModels(AppellantAppealResponse, StaffAppealResponse)
@Controller('v1')
export class AppealsController {
  constructor(
    private readonly fileAppeal: FileAppealUseCase,
    private readonly transitions: TransitionAppealUseCase,
    private readonly postMessage: PostMessageUseCase,
    private readonly queries: AppealQueries,
    private readonly audit: AuditQueries,
  ) {}

  @Post('appeals')
  @Allow('appeal.file')
  @AppellantRateLimit()
  @CreatedAt('/v1/appeals/{id}')
  @Idempotent()
  @ApiCreatedResponse({ type: AppellantAppealResponse })
  @ApiProblems(
    'not_found',
    'appeal_already_exists',
    'suspension_not_active',
    'appeal_window_closed',
    'rate_limited',
    'idempotency_key_reused',
    'idempotency_request_in_progress',
  )
  @ApiOperation({
    operationId: 'fileAppeal',
    summary: 'Appeal a suspension',
    description:
      'The account holder appeals their own active suspension, within APPEAL_WINDOW_DAYS of it. One appeal per suspension. A notice confirms it with the decision deadline.',
  })
  async file(
    @CurrentActor() actor: Actor,
    @Body() body: FileAppealRequest,
  ): Promise<AppellantAppealResponse> {
    return toAppellantAppeal(await this.fileAppeal.execute(actor, body));
  }

  @Get('me/appeals')
  @Allow('own.read')
  @ApiPageResponse(AppellantAppealResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listMyAppeals',
    summary: 'List the caller’s own appeals',
    description: 'Appellants only: their appeals, newest first, in the appellant view.',
  })
  async mine(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    const result = await this.queries.listForAccount(actor.sub, page.limit, page.cursor);
    return { data: result.data.map(toAppellantAppeal), nextCursor: result.nextCursor };
  }

  @Get('appeals/:id')
  @Allow('appeal.read')
  @ApiOkResponse(EITHER_VIEW)
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'getAppeal',
    summary: 'Read an appeal',
    description:
      'Staff get the staff view (`view: staff`, with triage data and reviewer identities); the appellant the appellant view (`view: public`) of their own appeal only.',
  })
  async get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    const appeal = assertSeesAppeal(actor, await this.queries.get(id));
    return viewOf(actor, appeal);
  }

  @Post('appeals/:id/withdraw')
  @HttpCode(200)
  @Allow('appeal.withdraw')
  @AppellantRateLimit()
  @ApiOkResponse({ type: AppellantAppealResponse })
  @ApiProblems('not_found', 'invalid_transition', 'version_mismatch', 'rate_limited')
  @ApiOperation({
    operationId: 'withdrawAppeal',
    summary: 'Withdraw an appeal',
    description: 'The appellant withdraws their own undecided appeal.',
  })
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @IfMatch() version?: number,
  ) {
    return toAppellantAppeal(await this.transitions.simple(actor, id, 'withdraw', version));
  }

  @Get('appeals/:id/messages')
  @Allow('appeal.read')
  @ApiPageResponse(MessageResponse)
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'listAppealMessages',
    summary: 'Read an appeal’s messages',
    description:
      'The thread between appellant and reviewers, oldest first; appellants do not see internal notes.',
  })
  async messages(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Query() page: PageQuery) {
    const staff = isStaffViewer(actor);
    assertSeesAppeal(actor, await this.queries.get(id));
    const result = await this.queries.messages(id, staff, page.limit, page.cursor);
    return { data: result.data.map((m) => toMessageResponse(m, staff)), nextCursor: result.nextCursor };
  }

  @Post('appeals/:id/messages')
  @Allow('appeal.message')
  @AppellantRateLimit()
  @ApiCreatedResponse({
    type: MessageResponse,
    description: 'An appellant’s message while awaiting_appellant moves the appeal back to in_review',
  })
  @ApiProblems('not_found', 'invalid_transition', 'rate_limited')
  @ApiOperation({
    operationId: 'postAppealMessage',
    summary: 'Write in an appeal’s thread',
    description:
      'An appellant’s message while the appeal awaits them moves it back to in_review; staff may write internal notes.',
  })
  async addMessage(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: PostMessageRequest,
  ): Promise<MessageResponse> {
    return toMessageResponse(await this.postMessage.execute(actor, id, body), isStaffViewer(actor));
  }

  @Get('appeals/:id/history')
  @Allow('appeal.read_history')
  @ApiOkResponse({ type: [AuditEventResponse], description: 'The appeal’s audit events, oldest first' })
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'getAppealHistory',
    summary: 'Read an appeal’s audit events',
    description: 'Every audit event of the appeal, oldest first, with the hashes that chain them.',
  })
  async history(@Param('id', IdParam) id: string): Promise<AuditEventResponse[]> {
    if (!(await this.queries.get(id))) throw DomainError.notFound('Appeal');
    return this.audit.forEntity([id]);
  }
}
