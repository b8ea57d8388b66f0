import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage, type Page } from '@redress/http';
import { DataSource } from 'typeorm';
import { DomainError, type Actor } from '@redress/kernel';
import { seesSuspension, type Suspension } from '../domain/suspension';
import { SuspensionEntity } from '../persistence/suspension.entity';
import { toSuspension } from '../persistence/suspension.mapper';

@Injectable()
export class SuspensionQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<Suspension | null> {
    const entity = await this.dataSource.manager.findOne(SuspensionEntity, { where: { id } });
    return entity ? toSuspension(entity) : null;
  }

  /** The suspension if `actor` may see it (seesSuspension); anyone else's is answered as missing, a 404. */
  async getVisible(actor: Actor, id: string): Promise<Suspension> {
    const suspension = await this.get(id);
    if (!suspension || !seesSuspension(actor, suspension)) throw DomainError.notFound('Suspension');
    return suspension;
  }

  /** An account's suspensions, newest first, keyset-paged on (suspended_at, id). */
  async listForAccount(accountId: string, limit: number, cursor?: string): Promise<Page<Suspension>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const qb = this.dataSource.manager
      .createQueryBuilder(SuspensionEntity, 's')
      .where('s.account_id = :accountId', { accountId })
      .orderBy('s.suspended_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1);
    if (after) qb.andWhere('(s.suspended_at, s.id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await qb.getMany();
    return toPage(rows, limit, toSuspension, (r) => [r.suspendedAt.toISOString(), r.id]);
  }
}
