import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import {
  ApiJsonSchemaBody,
  ApiProblems,
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
    schema: {
      oneOf: [
        { $ref: getSchemaPath(SuspensionStaffResponse) },
        { $ref: getSchemaPath(SuspensionPublicResponse) },
      ],
    },
  })
  @ApiProblems('not_found')
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
