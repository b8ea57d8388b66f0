import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, TrimmedText } from '@redress/http';
import { BOOKS, LEDGER_ENTRY_KINDS, type BookBalance, type LedgerEntryView } from '@redress/ledger';
import { IsOptional } from 'class-validator';

export class LedgerQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'acct_1',
    description: 'One account’s books and entries; without it, totals per book and every entry',
  })
  @IsOptional()
  @TrimmedText(1, 255)
  accountId?: string;
}

export class BookBalanceResponse {
  @ApiProperty({ enum: BOOKS }) book: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for system books and for totals' })
  accountId: string | null;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ description: 'Integer minor units; what the book holds (system books may be negative)' })
  amountMinor: number;
}

export class LedgerLegResponse {
  @ApiProperty({ enum: BOOKS }) book: string;
  @ApiProperty({ nullable: true, type: String }) accountId: string | null;
  @ApiProperty({ description: 'Minor units the book gains (negative: money leaves it)' }) amountMinor: number;
}

export class LedgerEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Posting order' }) seq: number;
  @ApiProperty({ enum: LEDGER_ENTRY_KINDS }) kind: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) suspensionId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) refundId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [LedgerLegResponse], description: 'Legs sum to zero' }) legs: LedgerLegResponse[];
}

export class LedgerResponse {
  @ApiProperty({ nullable: true, type: String }) accountId: string | null;
  @ApiProperty({ type: [BookBalanceResponse] }) balances: BookBalanceResponse[];
  @ApiProperty({ type: [LedgerEntryResponse], description: 'Entries, newest first' })
  data: LedgerEntryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Cursor of the next page of entries' })
  nextCursor: string | null;
}

export const toBookBalance = (b: BookBalance): BookBalanceResponse => ({ ...b });

export const toLedgerEntry = (e: LedgerEntryView): LedgerEntryResponse => ({
  ...e,
  createdAt: e.createdAt.toISOString(),
  legs: e.legs.map((l) => ({ ...l })),
});
