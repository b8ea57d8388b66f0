import { Injectable } from '@nestjs/common';
import { ReplicaReads, type Tx } from '@redress/database';
import { decodeCursor, toPage, type Page } from '@redress/kernel';
import type { BookBalance } from './domain/books';
import { ACCOUNT_BOOKS, type BookName, type LedgerEntryKind, type Posting } from './domain/ledger-entry';

/** What an account holds in a currency over its account books (frozen and refund payable). */
export interface AccountHolding {
  accountId: string;
  currency: string;
  heldMinor: number;
}

export interface LedgerEntryView {
  id: string;
  seq: number;
  kind: LedgerEntryKind;
  currency: string;
  suspensionId: string | null;
  refundId: string | null;
  createdAt: Date;
  legs: Posting[];
}

interface EntryRow {
  id: string;
  seq: string;
  kind: LedgerEntryKind;
  currency: string;
  suspension_id: string | null;
  refund_id: string | null;
  created_at: Date;
  legs: { book: BookName; accountId: string | null; amountMinor: string | number }[];
}

/** Read side of the ledger: entries newest first, and book balances. */
@Injectable()
export class LedgerQueries {
  constructor(private readonly reads: ReplicaReads) {}

  /** Entries touching the account's books (or all entries without an account), keyset-paged on seq. */
  async entries(
    accountId: string | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<LedgerEntryView>> {
    const [beforeSeq] = decodeCursor(cursor, ['number']) ?? [];
    const params: unknown[] = [];
    const where: string[] = [];
    if (accountId !== undefined) {
      where.push(`e.id IN (SELECT entry_id FROM ledger_legs WHERE account_id = $${params.push(accountId)})`);
    }
    if (beforeSeq !== undefined) where.push(`e.seq < $${params.push(beforeSeq)}`);
    const rows: EntryRow[] = await this.reads.query(
      `SELECT e.id, e.seq, e.kind, e.currency, e.suspension_id, e.refund_id, e.created_at,
              (SELECT json_agg(json_build_object('book', l.book, 'accountId', l.account_id, 'amountMinor', l.amount_minor)
                               ORDER BY l.leg_no)
                 FROM ledger_legs l WHERE l.entry_id = e.id) AS legs
         FROM ledger_entries e
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.seq DESC
        LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, toView, (r) => [Number(r.seq)]);
  }

  /**
   * An account's books come from the running balances the database keeps; without an account, every
   * book's total over all accounts and the system books, summed from the legs.
   */
  async balances(accountId?: string): Promise<BookBalance[]> {
    const rows: { book: BookName; account_id: string | null; currency: string; amount: string }[] =
      accountId === undefined
        ? await this.reads.query(
            `SELECT book, NULL AS account_id, currency, sum(amount_minor) AS amount
               FROM ledger_legs GROUP BY book, currency ORDER BY book, currency`,
          )
        : await this.reads.query(
            `SELECT book, account_id, currency, balance_minor AS amount
               FROM ledger_balances WHERE account_id = $1 ORDER BY book, currency`,
            [accountId],
          );
    return rows.map((r) => ({
      book: r.book,
      accountId: r.account_id,
      currency: r.currency,
      amountMinor: Number(r.amount),
    }));
  }

  /** In the caller's transaction: what each account holds in the currency named with it (none: no row). */
  async accountHoldings(
    tx: Tx,
    holdings: readonly { accountId: string; currency: string }[],
  ): Promise<AccountHolding[]> {
    const rows: { account_id: string; currency: string; held: string }[] = await tx.query(
      `SELECT account_id, currency, sum(balance_minor)::text AS held FROM ledger_balances
        WHERE book = ANY($1) AND (account_id, currency) IN (SELECT * FROM unnest($2::text[], $3::text[]))
        GROUP BY account_id, currency`,
      [ACCOUNT_BOOKS, holdings.map((h) => h.accountId), holdings.map((h) => h.currency)],
    );
    return rows.map((r) => ({ accountId: r.account_id, currency: r.currency, heldMinor: Number(r.held) }));
  }
}

function toView(r: EntryRow): LedgerEntryView {
  return {
    id: r.id,
    seq: Number(r.seq),
    kind: r.kind,
    currency: r.currency,
    suspensionId: r.suspension_id,
    refundId: r.refund_id,
    createdAt: r.created_at,
    legs: (r.legs ?? []).map((l) => ({
      book: l.book,
      accountId: l.accountId,
      amountMinor: Number(l.amountMinor),
    })),
  };
}
