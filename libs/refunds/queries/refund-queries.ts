import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage, type Page } from '@redress/http';
import { DataSource } from 'typeorm';
import type { Refund } from '../domain/refund';
import type { RefundStatus } from '../domain/refund-status';
import { RefundEntity } from '../persistence/refund.entity';
import { toRefund } from '../persistence/refund.mapper';

export interface RefundFilter {
  status?: RefundStatus;
  suspensionId?: string;
  accountId?: string;
}

/** Refund lists, newest first, keyset-paged on (created_at, id); each filter has its index. */
@Injectable()
export class RefundQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<Refund | null> {
    const entity = await this.dataSource.manager.findOne(RefundEntity, { where: { id } });
    return entity ? toRefund(entity) : null;
  }

  async list(filter: RefundFilter, limit: number, cursor?: string): Promise<Page<Refund>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const qb = this.dataSource.manager
      .createQueryBuilder(RefundEntity, 'r')
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1);
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.suspensionId)
      qb.andWhere('r.suspension_id = :suspensionId', { suspensionId: filter.suspensionId });
    if (filter.accountId) qb.andWhere('r.account_id = :accountId', { accountId: filter.accountId });
    if (after) qb.andWhere('(r.created_at, r.id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await qb.getMany();
    return toPage(rows, limit, toRefund, (r) => [r.createdAt.toISOString(), r.id]);
  }
}
