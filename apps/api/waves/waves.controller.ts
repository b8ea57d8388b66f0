import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { BulkJobQueries, RequestBulkDecisionUseCase } from '@redress/appeals';
import { Allow, CurrentActor } from '@redress/auth';
import { ApiProblems, CreatedAt, Idempotent, PageQuery } from '@redress/http';
import { DomainError, type Actor } from '@redress/kernel';
import { CreateWaveUseCase, WaveQueries } from '@redress/suspensions';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import {
  BulkDecisionRequest,
  CreateWaveRequest,
  JobAccepted,
  JobResponse,
  toJobResponse,
  toWaveResponse,
  WaveResponse,
} from './dto/wave.dto';

@ApiTags('waves')
@ApiBearerAuth()
@Controller('v1')
export class WavesController {
  constructor(
    private readonly createWave: CreateWaveUseCase,
    private readonly waves: WaveQueries,
    private readonly requestBulkDecision: RequestBulkDecisionUseCase,
    private readonly jobs: BulkJobQueries,
  ) {}

  @Post('waves')
  @Allow('wave.create')
  @CreatedAt('/v1/waves/{id}')
  @Idempotent()
  @ApiCreatedResponse({ type: WaveResponse })
  @ApiProblems('idempotency_key_reused', 'idempotency_request_in_progress')
  @ApiOperation({
    operationId: 'createWave',
    summary: 'Open a ban wave',
    description:
      'A wave groups suspensions an enforcement system decided together, so that they can be reviewed and decided together.',
  })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateWaveRequest): Promise<WaveResponse> {
    const id = await this.createWave.execute(actor, body);
    return toWaveResponse((await this.waves.get(id))!);
  }

  @Get('waves')
  @Allow('wave.read')
  @ApiPageResponse(WaveResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listWaves',
    summary: 'List ban waves',
    description: 'Newest first, with their counts.',
  })
  async list(@Query() page: PageQuery) {
    const result = await this.waves.list(page.limit, page.cursor);
    return { data: result.data.map(toWaveResponse), nextCursor: result.nextCursor };
  }

  @Get('waves/:id')
  @Allow('wave.read')
  @ApiOkResponse({ type: WaveResponse })
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'getWave',
    summary: 'Read a ban wave',
    description: 'The wave with its counts of suspensions and appeals.',
  })
  async get(@Param('id', IdParam) id: string): Promise<WaveResponse> {
    const wave = await this.waves.get(id);
    if (!wave) throw DomainError.notFound('Wave');
    return toWaveResponse(wave);
  }

  @Post('waves/:id/bulk-decision')
  @HttpCode(202)
  @Allow('wave.decide')
  @Idempotent()
  @ApiAcceptedResponse({
    type: JobAccepted,
    description: 'Decided on the worker in chunks; follow GET /v1/jobs/:id',
  })
  @ApiProblems('not_found', 'idempotency_key_reused', 'idempotency_request_in_progress')
  @ApiOperation({
    operationId: 'decideWave',
    summary: 'Decide every open appeal of a wave',
    description:
      'Senior reviewers only. Queued: the worker decides the appeals in chunks; follow the job at GET /v1/jobs/{id}.',
  })
  async bulkDecision(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: BulkDecisionRequest,
  ): Promise<JobAccepted> {
    return { jobId: await this.requestBulkDecision.execute(actor, id, body) };
  }

  @Get('jobs/:id')
  @Allow('job.read')
  @ApiOkResponse({ type: JobResponse })
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'getJob',
    summary: 'Follow a wave decision job',
    description: 'How far the worker has come deciding the wave’s appeals.',
  })
  async job(@Param('id', IdParam) id: string): Promise<JobResponse> {
    const job = await this.jobs.get(id);
    if (!job) throw DomainError.notFound('Job');
    return toJobResponse(job);
  }
}
