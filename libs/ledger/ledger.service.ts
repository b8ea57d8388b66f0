import { Injectable } from '@nestjs/common';
import { insertRows, type Tx } from '@redress/database';
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
    await insertRows(tx, {
      table: 'ledger_entries',
      columns: ['id', 'kind', 'currency', 'suspension_id', 'refund_id'],
      rows: real,
      values: ({ id, draft, refs }) => [
        id,
        draft.kind,
        draft.currency,
        refs?.suspensionId ?? null,
        refs?.refundId ?? null,
      ],
    });
    await insertRows(tx, {
      table: 'ledger_legs',
      columns: ['entry_id', 'leg_no', 'book', 'account_id', 'amount_minor', 'currency'],
      rows: real.flatMap(({ id, draft }) => draft.legs.map((leg, legNo) => ({ id, legNo, leg, draft }))),
      values: ({ id, legNo, leg, draft }) => [
        id,
        legNo,
        leg.book,
        leg.accountId,
        leg.amountMinor,
        draft.currency,
      ],
    });
    return ids;
  }
}
