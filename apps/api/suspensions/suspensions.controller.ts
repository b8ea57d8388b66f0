import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
  ApiOperation,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import {
  ApiJsonSchemaBody,
  ApiProblems,
  CreatedAt,
  Idempotent,
  IfMatch,
  JsonSchemaPipe,
  PageQuery,
} from '@redress/http';
import { Clock, can, type Actor } from '@redress/kernel';
import { LiftWithAppealUseCase } from '@redress/appeals';
import {
  CreateSuspensionBatchUseCase,
  CreateSuspensionUseCase,
  SuspensionQueries,
} from '@redress/suspensions';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { eitherView } from '../common/views';
import {
  CreateSuspensionSchema,
  LiftSuspensionRequest,
  SuspensionBatchResponse,
  SuspensionBatchSchema,
  type CreateSuspensionRequest,
  type SuspensionBatchRequest,
  toNewSuspension,
} from './dto/create-suspension.request.dto';
import {
  SuspensionPublicResponse,
  SuspensionStaffResponse,
  toPublicSuspension,
  toStaffSuspension,
} from './dto/suspension.response.dto';

@ApiTags('suspensions')
@ApiBearerAuth()
@Controller('v1')
export class SuspensionsController {
  constructor(
    private readonly createSuspension: CreateSuspensionUseCase,
    private readonly createBatch: CreateSuspensionBatchUseCase,
    private readonly liftSuspension: LiftWithAppealUseCase,
    private readonly queries: SuspensionQueries,
    private readonly clock: Clock,
  ) {}

  @Post('suspensions')
  @Allow('suspension.create')
  @CreatedAt('/v1/suspensions/{id}')
  @Idempotent()
  @ApiJsonSchemaBody(CreateSuspensionSchema)
  @ApiCreatedResponse({
    type: SuspensionStaffResponse,
    description: 'Created; a notice is queued to the account',
  })
  @ApiOkResponse({
    type: SuspensionStaffResponse,
    description: 'Same externalRef and payload as before: the existing suspension',
  })
  @ApiProblems(
    'external_ref_conflict',
    'amount_out_of_range',
    'idempotency_key_reused',
    'idempotency_request_in_progress',
    'payload_too_large',
  )
  @ApiOperation({
    operationId: 'createSuspension',
    summary: 'Suspend an account and freeze its balance',
    description:
      'Enforcement systems push a suspension in; the statement of reasons and the notice to the account follow from it. Sending the same `externalRef` with the same data again answers the existing suspension (200); with other data, 409 external_ref_conflict.',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body(new JsonSchemaPipe(CreateSuspensionSchema)) body: CreateSuspensionRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SuspensionStaffResponse> {
    const { suspension, created } = await this.createSuspension.execute(actor, toNewSuspension(body));
    reply.status(created ? 201 : 200);
    return toStaffSuspension(suspension, this.clock.now());
  }

  @Post('suspensions/batch')
  @HttpCode(200)
  @Allow('suspension.create')
  @RouteConfig({ bodyLimit: 32 * 1024 * 1024 })
  @Idempotent()
  @ApiJsonSchemaBody(SuspensionBatchSchema)
  @ApiOkResponse({ type: SuspensionBatchResponse, description: 'All items committed in one transaction' })
  @ApiProblems(
    'amount_out_of_range',
    'payload_too_large',
    'idempotency_key_reused',
    'idempotency_request_in_progress',
  )
  @ApiOperation({
    operationId: 'createSuspensionBatch',
    summary: 'Suspend up to 10,000 accounts in one transaction',
    description:
      'All items commit together or none does; items whose `externalRef` exists with the same data are counted as `skipped`. The body may be up to 32 MiB.',
  })
  async batch(
    @CurrentActor() actor: Actor,
    @Body(new JsonSchemaPipe(SuspensionBatchSchema)) body: SuspensionBatchRequest,
  ): Promise<SuspensionBatchResponse> {
    return this.createBatch.execute(actor, body.waveId, body.items.map(toNewSuspension));
  }

  @Get('suspensions/:id')
  @Allow('suspension.read')
  @ApiExtraModels(SuspensionPublicResponse, SuspensionStaffResponse)
  @ApiOkResponse({
    description: 'Appellants get the public view of their own suspension; staff the full view',
    schema: eitherView(getSchemaPath(SuspensionStaffResponse), getSchemaPath(SuspensionPublicResponse)),
  })
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'getSuspension',
    summary: 'Read a suspension',
    description:
      'Staff get the staff view (`view: staff`, with detector signals and enforcement references); an appellant gets the public view (`view: public`) of their own suspension only.',
  })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
  ): Promise<SuspensionPublicResponse | SuspensionStaffResponse> {
    const suspension = await this.queries.getVisible(actor, id);
    return can(actor, 'suspension.read_staff_view')
      ? toStaffSuspension(suspension, this.clock.now())
      : toPublicSuspension(suspension, this.clock.now());
  }

  @Get('me/suspensions')
  @Allow('own.read')
  @ApiPageResponse(SuspensionPublicResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listMySuspensions',
    summary: 'List the caller’s own suspensions',
    description: 'Appellants only: the public view of each suspension of their account, newest first.',
  })
  async mine(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    const result = await this.queries.listForAccount(actor.sub, page.limit, page.cursor);
    const now = this.clock.now();
    return { data: result.data.map((s) => toPublicSuspension(s, now)), nextCursor: result.nextCursor };
  }

  @Post('suspensions/:id/lift')
  @HttpCode(200)
  @Allow('suspension.lift')
  @ApiOkResponse({
    type: SuspensionStaffResponse,
    description: 'Lifted; an open appeal on it is decided overturned with this reason',
  })
  @ApiProblems('not_found', 'suspension_not_active', 'version_mismatch')
  @ApiOperation({
    operationId: 'liftSuspension',
    summary: 'Lift a suspension and release its frozen balance',
    description:
      'An open appeal on it is decided overturned with this reason; the platform webhook hears `suspension.lifted`. An enforcement system may only lift the suspensions it created.',
  })
  async lift(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: LiftSuspensionRequest,
    @IfMatch() expectedVersion?: number,
  ): Promise<SuspensionStaffResponse> {
    await this.queries.getVisible(actor, id);
    const lifted = await this.liftSuspension.execute(actor, id, body.reason, expectedVersion);
    return toStaffSuspension(lifted, this.clock.now());
  }
}
