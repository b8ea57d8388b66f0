import { Injectable } from '@nestjs/common';
import { insertRows, type Tx } from '@redress/database';

export interface NewAccessLink {
  id: string;
  tokenHash: string;
  accountId: string;
  suspensionId: string;
  expiresAt: Date;
}

/** The access_links table: links are written by the worker and used once by the exchange. */
@Injectable()
export class AccessLinkRepository {
  async insert(tx: Tx, links: NewAccessLink[]): Promise<void> {
    await insertRows(tx, {
      table: 'access_links',
      columns: ['id', 'token_hash', 'account_id', 'suspension_id', 'expires_at'],
      rows: links,
      values: (l) => [l.id, l.tokenHash, l.accountId, l.suspensionId, l.expiresAt],
    });
  }

  /** Marks the link used if it is unused and unexpired, in one statement so that two exchanges cannot both win. */
  async consume(tx: Tx, tokenHash: string, now: Date): Promise<{ accountId: string } | null> {
    const [[row]]: [{ account_id: string }[], number] = await tx.query(
      `UPDATE access_links SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
        RETURNING account_id`,
      [tokenHash, now],
    );
    return row ? { accountId: row.account_id } : null;
  }
}
