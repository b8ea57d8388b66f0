import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { DomainError } from '@redress/kernel';
import type { EntityManager } from 'typeorm';
import type { AppealAccess } from '../domain/evidence-access';

const COLUMNS = 'id, account_id AS "accountId", status';

/** The few appeal columns the evidence rules need, read from the appeals table with plain SQL. */
@Injectable()
export class AppealAccessRepository {
  async find(manager: EntityManager, appealId: string): Promise<AppealAccess | null> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM appeals WHERE id = $1`, [
      appealId,
    ])) as AppealAccess[];
    return row ?? null;
  }

  /**
   * Locks the appeal row for the rest of the transaction: uploads to one appeal count their slots one
   * at a time, and the appeal cannot be decided or withdrawn half-way through an upload's commit.
   */
  async lock(tx: Tx, appealId: string): Promise<AppealAccess> {
    const [row] = (await tx.query(`SELECT ${COLUMNS} FROM appeals WHERE id = $1 FOR UPDATE`, [
      appealId,
    ])) as AppealAccess[];
    if (!row) throw DomainError.notFound('Appeal');
    return row;
  }
}
