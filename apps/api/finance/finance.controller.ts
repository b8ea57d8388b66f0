import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow } from '@redress/auth';
import { ApiProblems } from '@redress/http';
import { Clock, DomainError } from '@redress/kernel';
import { LedgerQueries } from '@redress/ledger';
import { ReconciliationQueries } from '@redress/refunds';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { LedgerQuery, LedgerResponse, toBookBalance, toLedgerEntry } from './dto/ledger.dto';
import { ReconciliationQuery } from './dto/reconciliation.query.dto';

const CSV_COLUMNS = [
  { key: 'refundId', header: 'refund_id' },
  { key: 'suspensionId', header: 'suspension_id' },
  { key: 'accountId', header: 'account_id' },
  { key: 'amountMinor', header: 'amount_minor' },
  { key: 'currency', header: 'currency' },
  { key: 'providerRef', header: 'provider_ref' },
  { key: 'approvedBy', header: 'approved_by' },
  { key: 'paidAt', header: 'paid_at' },
];

@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1')
export class FinanceController {
  constructor(
    private readonly ledger: LedgerQueries,
    private readonly reconciliation: ReconciliationQueries,
    private readonly clock: Clock,
  ) {}

  @Get('ledger')
  @Allow('ledger.read')
  @ApiOkResponse({ type: LedgerResponse, description: 'Book balances and a page of entries' })
  @ApiProblems()
  @ApiOperation({
    operationId: 'listLedgerEntries',
    summary: 'Read the ledger',
    description: 'Book balances and a page of entries, for one account or the whole ledger.',
  })
  async entries(@Query() query: LedgerQuery): Promise<LedgerResponse> {
    const [balances, page] = await Promise.all([
      this.ledger.balances(query.accountId),
      this.ledger.entries(query.accountId, query.limit, query.cursor),
    ]);
    return {
      accountId: query.accountId ?? null,
      balances: balances.map(toBookBalance),
      data: page.data.map(toLedgerEntry),
      nextCursor: page.nextCursor,
    };
  }

  @Get('finance/reconciliation.csv')
  @Allow('reconciliation.read')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'One row per refund paid in [from, to): refund_id, suspension_id, account_id, amount_minor, ' +
      'currency, provider_ref, approved_by, paid_at. Streamed, oldest payment first.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiProblems()
  @ApiOperation({
    operationId: 'exportReconciliation',
    summary: 'Export paid refunds as CSV',
    description: 'One row per refund paid in [from, to), for reconciliation with the payment provider.',
  })
  reconciliationCsv(@Query() query: ReconciliationQuery): StreamableFile {
    const from = query.from ?? new Date(0);
    const to = query.to ?? this.clock.now();
    if (from.getTime() >= to.getTime()) {
      throw new DomainError('validation_failed', 'from must be before to', [
        { field: 'from', message: 'must be before to' },
      ]);
    }
    const rows = Readable.from(this.reconciliation.paidRefunds(from, to)).map((r) => ({
      ...r,
      paidAt: r.paidAt.toISOString(),
    }));
    // escape_formulas: a provider reference such as "=HYPERLINK(…)" must not run in a spreadsheet.
    const csv = stringify({ header: true, columns: CSV_COLUMNS, escape_formulas: true });
    rows.once('error', (error) => csv.destroy(error)); // a failed query ends the download, never hangs it
    return new StreamableFile(rows.pipe(csv), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="reconciliation.csv"',
    });
  }
}
