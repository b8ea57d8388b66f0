import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { newId } from '@redress/kernel';
import { assertBalanced, type LedgerEntryDraft } from './domain/ledger-entry';

/** What an entry is about; shown with the entry and used by the database's "once per refund" rules. */
export interface LedgerRefs {
  suspensionId?: string;
  refundId?: string;
}

export interface LedgerPosting {
  draft: LedgerEntryDraft | null;
  refs?: LedgerRefs;
}

/** Entries per INSERT: 5 parameters an entry and 6 a leg keep a chunk far below PostgreSQL's 65,535. */
const CHUNK = 2000;

/**
 * Writes ledger entries in the caller's transaction, so a posting commits or vanishes with the change
 * that caused it. The database checks again what is checked here (balance, non-negative account books,
 * once per refund), so a bug cannot leave the books wrong, only fail the transaction.
 */
@Injectable()
export class LedgerService {
  /** Posts one entry; a null draft (a zero amount) posts nothing and returns null. */
  async post(tx: Tx, draft: LedgerEntryDraft | null, refs: LedgerRefs = {}): Promise<string | null> {
    const [id] = await this.postMany(tx, [{ draft, refs }]);
    return id;
  }

  /** Many entries in a few statements (ban waves); ids in input order, null for skipped drafts. */
  async postMany(tx: Tx, postings: readonly LedgerPosting[]): Promise<(string | null)[]> {
    const ids = postings.map((p) => (p.draft ? newId() : null));
    const real = postings.flatMap((p, i) => (p.draft ? [{ ...p, draft: p.draft, id: ids[i]! }] : []));
    real.forEach((p) => assertBalanced(p.draft));
    for (let start = 0; start < real.length; start += CHUNK) {
      const chunk = real.slice(start, start + CHUNK);
      const entryParams: unknown[] = [];
      const entryRows = chunk.map(({ id, draft, refs }) =>
        placeholders(entryParams, [
          id,
          draft.kind,
          draft.currency,
          refs?.suspensionId ?? null,
          refs?.refundId ?? null,
        ]),
      );
      await tx.query(
        `INSERT INTO ledger_entries (id, kind, currency, suspension_id, refund_id) VALUES ${entryRows.join(', ')}`,
        entryParams,
      );
      const legParams: unknown[] = [];
      const legRows = chunk.flatMap(({ id, draft }) =>
        draft.legs.map((leg, legNo) =>
          placeholders(legParams, [id, legNo, leg.book, leg.accountId, leg.amountMinor, draft.currency]),
        ),
      );
      await tx.query(
        `INSERT INTO ledger_legs (entry_id, leg_no, book, account_id, amount_minor, currency) VALUES ${legRows.join(', ')}`,
        legParams,
      );
    }
    return ids;
  }
}

function placeholders(params: unknown[], values: unknown[]): string {
  const base = params.push(...values) - values.length;
  return `(${values.map((_, i) => `$${base + i + 1}`).join(', ')})`;
}
