import { Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import { ApiProblems } from '@redress/http';
import { Clock, DomainError, type Actor } from '@redress/kernel';
import { DsaSubmissionQueries, RetryDsaSubmissionUseCase } from '@redress/reports';
import { Readable } from 'node:stream';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import {
  DsaSubmissionResponse,
  StatementExportQuery,
  SubmissionListQuery,
  toSubmissionResponse,
} from './dto/dsa.dto';

@ApiTags('dsa')
@ApiBearerAuth()
@Controller('v1/dsa')
export class DsaController {
  constructor(
    private readonly queries: DsaSubmissionQueries,
    private readonly retry: RetryDsaSubmissionUseCase,
    private readonly clock: Clock,
  ) {}

  @Get('submissions')
  @Allow('dsa.read')
  @ApiPageResponse(DsaSubmissionResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listDsaSubmissions',
    summary: 'Submissions of statements of reasons to the DSA Transparency Database',
    description: 'Newest first, optionally of one status (pending, accepted, rejected).',
  })
  async list(@Query() query: SubmissionListQuery) {
    const page = await this.queries.list(query.status, query.limit, query.cursor);
    return { data: page.data.map(toSubmissionResponse), nextCursor: page.nextCursor };
  }

  @Post('submissions/:id/retry')
  @HttpCode(200)
  @Allow('dsa.retry')
  @ApiOkResponse({ type: DsaSubmissionResponse, description: 'Pending again, sent at once' })
  @ApiProblems('not_found', 'invalid_transition')
  @ApiOperation({
    operationId: 'retryDsaSubmission',
    summary: 'Submit a rejected statement again',
    description:
      'After a fix (the database’s rules or its configuration): a rejected submission goes back to pending ' +
      'and the worker sends the statement as it was published. Anything but a rejected one is 409.',
  })
  async retryOne(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
  ): Promise<DsaSubmissionResponse> {
    await this.retry.execute(actor, id);
    return toSubmissionResponse((await this.queries.get(id))!);
  }

  @Get('statements.ndjson')
  @Allow('dsa.read')
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description:
      'Every statement of reasons published in [from, to), one JSON object a line in the Transparency ' +
      'Database layout, oldest first. Streamed, read in keyset batches.',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  @ApiProblems()
  @ApiOperation({
    operationId: 'exportDsaStatements',
    summary: 'Export published statements of reasons as NDJSON',
    description: 'For platforms that submit to the Transparency Database themselves.',
  })
  exportStatements(@Query() query: StatementExportQuery): StreamableFile {
    const from = query.from ?? new Date(0);
    const to = query.to ?? this.clock.now();
    if (from.getTime() >= to.getTime()) {
      throw new DomainError('validation_failed', 'from must be before to', [
        { field: 'from', message: 'must be before to' },
      ]);
    }
    const lines = Readable.from(this.queries.published(from, to)).map(
      (s) => `${JSON.stringify(s.statement)}\n`,
    );
    return new StreamableFile(lines, {
      type: 'application/x-ndjson; charset=utf-8',
      disposition: 'attachment; filename="statements.ndjson"',
    });
  }
}
