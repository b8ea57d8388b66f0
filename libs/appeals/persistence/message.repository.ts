import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { newId } from '@redress/kernel';
import type { AppealMessage } from '../domain/appeal';
import { toMessage, type MessageRow } from './appeal-row';

@Injectable()
export class MessageRepository {
  async add(tx: Tx, m: Omit<AppealMessage, 'id' | 'createdAt'>): Promise<AppealMessage> {
    const rows: MessageRow[] = await tx.query(
      `INSERT INTO appeal_messages (id, appeal_id, author_role, author_id, body, internal) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [newId(), m.appealId, m.authorRole, m.authorId, m.body, m.internal],
    );
    return toMessage(rows[0]);
  }

  /**
   * Copies a case's thread into another as internal notes, at their own times (a sample case closed into
   * the person's appeal: what staff wrote there was never meant for the person), and a note saying so.
   */
  async carryOver(tx: Tx, fromAppealId: string, toAppealId: string): Promise<void> {
    await this.add(tx, {
      appealId: toAppealId,
      authorRole: 'system',
      authorId: 'system',
      body: `The notes before this one were carried over from sample case ${fromAppealId}, closed into this appeal.`,
      internal: true,
    });
    await tx.query(
      `INSERT INTO appeal_messages (id, appeal_id, author_role, author_id, body, internal, created_at)
       SELECT gen_random_uuid(), $2, author_role, author_id, body, true, created_at
         FROM appeal_messages WHERE appeal_id = $1`,
      [fromAppealId, toAppealId],
    );
  }
}
