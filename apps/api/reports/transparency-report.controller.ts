import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Allow } from '@redress/auth';
import { ApiProblems } from '@redress/http';
import {
  BuildTransparencyReportUseCase,
  TRANSPARENCY_CSV_COLUMNS,
  transparencyCsvRows,
  type TransparencyReport,
} from '@redress/reports';
import { stringify } from 'csv-stringify/sync';
import { TransparencyReportQuery } from './dto/transparency-report.query.dto';
import { TransparencyReportResponse } from './dto/transparency-report.response.dto';

const CSV_EXAMPLE = [
  'section,key,metric,value',
  'period,report,from,2025-01-01T00:00:00.000Z',
  'appeals_received,model_distillation,count,3',
  'appeals_received,total,count,6',
  'decisions,overturned,count,2',
  'decisions,total,reversal_rate,0.6',
  'decisions,total,median_hours_to_decision,6',
  'sla_breaches,total,count,2',
  'suspensions,automated_detection,share,0.857142857142857',
  'refunds_paid,USD,amount_minor,4500',
  'wave,3f0c…,overturn_rate,0.5',
].join('\n');

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class TransparencyReportController {
  constructor(private readonly buildReport: BuildTransparencyReportUseCase) {}

  @Get('transparency')
  @Allow('report.read')
  @ApiOperation({
    operationId: 'getTransparencyReport',
    summary: 'Transparency report over [from, to): appeals, decisions, SLA, automation, refunds, waves',
    description:
      'Every figure is an SQL aggregate over one consistent snapshot. An item counts in the period of ' +
      'its own timestamp: appeals received by submittedAt, decisions (outcomes, reversal rate, time to ' +
      'decision = decidedAt − submittedAt) by decidedAt, SLA breaches by decisionDueAt, suspensions and ' +
      'automation shares by suspendedAt, refunds paid by paidAt; wave rows likewise per column. ' +
      '`format=csv` answers the same figures as one long table `section,key,metric,value` (one row per ' +
      'figure; sections period, appeals_received, decisions, sla_breaches, suspensions, refunds_paid, ' +
      'wave; key = total, a reason code, an outcome, a currency or a wave id; an empty value = undefined rate).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(TransparencyReportResponse)
  @ApiOkResponse({
    description: 'The report (JSON by default, CSV with format=csv)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(TransparencyReportResponse) } },
      'text/csv': { schema: { type: 'string' }, example: CSV_EXAMPLE },
    },
  })
  @ApiProblems()
  async transparency(
    @Query() query: TransparencyReportQuery,
  ): Promise<TransparencyReportResponse | StreamableFile> {
    const report = await this.buildReport.execute({ from: query.from, to: query.to });
    return query.format === 'csv' ? toCsvFile(report) : report;
  }
}

/** A few hundred rows at most (one per figure), so it is built in memory rather than streamed. */
function toCsvFile(report: TransparencyReport): StreamableFile {
  // escape_formulas: a wave name such as "=HYPERLINK(…)" must not run in a spreadsheet.
  const csv = stringify(transparencyCsvRows(report), {
    header: true,
    columns: [...TRANSPARENCY_CSV_COLUMNS],
    escape_formulas: true,
  });
  const day = (iso: string) => iso.slice(0, 10);
  return new StreamableFile(Buffer.from(csv, 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="transparency-${day(report.period.from)}-${day(report.period.to)}.csv"`,
  });
}
