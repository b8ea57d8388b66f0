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
}
