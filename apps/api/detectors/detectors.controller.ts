import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpenSampleCasesUseCase } from '@redress/appeals';
import { Allow, CurrentActor } from '@redress/auth';
import { DetectorQueries, type VersionState } from '@redress/detectors';
import { ApiProblems, Idempotent, PageQuery } from '@redress/http';
import { DomainError, type Actor } from '@redress/kernel';
import { ApiPageResponse } from '../common/api-page';
import { DetectorNameParam } from './detector-name-param';
import { DrawSampleRequest } from './dto/detector.request.dto';
import {
  DetectorResponse,
  DetectorVersionResponse,
  DrawnSampleResponse,
  toVersionResponse,
  toWaveRow,
} from './dto/detector.response.dto';

/** Detector accountability (docs/detectors.md): error estimates per detector version, and sampled review. */
@ApiTags('detectors')
@ApiBearerAuth()
@Controller('v1/detectors')
export class DetectorsController {
  constructor(
    private readonly detectors: DetectorQueries,
    private readonly openSamples: OpenSampleCasesUseCase,
  ) {}

  @Get()
  @Allow('detector.read')
  @ApiPageResponse(DetectorVersionResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listDetectors',
    summary: 'List detector versions with their error estimates',
    description:
      'One row per detector and version, by name then version: suspensions, appeals, the overturn rate among decided appeals, the sampled estimate among people who never appealed, the overall false-positive estimate the breaker judges (95 % intervals), and weekly figures.',
  })
  async list(@Query() page: PageQuery) {
    const result = await this.detectors.list(page.limit, page.cursor);
    return { data: await this.withWeeks(result.data), nextCursor: result.nextCursor };
  }

  @Get(':name')
  @Allow('detector.read')
  @ApiOkResponse({ type: DetectorResponse })
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'getDetector',
    summary: 'Read one detector',
    description: 'The detector’s versions with their figures, and the ban waves its suspensions belong to.',
  })
  async get(@Param('name', DetectorNameParam) name: string): Promise<DetectorResponse> {
    const versions = await this.detectors.versionsOf(name);
    if (versions.length === 0) throw DomainError.notFound('Detector');
    const waves = await this.detectors.wavesOf(name);
    return { name, versions: await this.withWeeks(versions), waves: waves.map(toWaveRow) };
  }

  @Post(':name/samples')
  @Allow('detector.sample')
  @Idempotent()
  @ApiCreatedResponse({ type: DrawnSampleResponse })
  @ApiProblems('not_found', 'idempotency_key_reused', 'idempotency_request_in_progress')
  @ApiOperation({
    operationId: 'drawDetectorSample',
    summary: 'Open review cases for a random sample of people who never appealed',
    description:
      'Draws `size` of the detector’s (version’s) active suspensions that nobody appealed and no sample took, uniformly at random (reproducibly with `seed`), and opens a sample case for each: an appeal with `origin: "sample"` in the level-1 queue. The person hears nothing unless the case is overturned.',
  })
  async sample(
    @CurrentActor() actor: Actor,
    @Param('name', DetectorNameParam) name: string,
    @Body() body: DrawSampleRequest,
  ): Promise<DrawnSampleResponse> {
    const drawn = await this.openSamples.execute(actor, { detector: name, ...body });
    return { ...drawn, opened: drawn.appealIds.length };
  }

  private async withWeeks(versions: VersionState[]): Promise<DetectorVersionResponse[]> {
    const weeks = await this.detectors.weeks(versions.map((v) => v.detector));
    return versions.map((v) => toVersionResponse(v, weeks));
  }
}
