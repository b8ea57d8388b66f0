import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { DomainError } from '@redress/kernel';
import type { Suspension } from '../domain/suspension';
import { SuspensionEntity } from './suspension.entity';
import { toSuspension } from './suspension.mapper';

/** Persistence for suspensions; every method works inside the caller's transaction. */
@Injectable()
export class SuspensionRepository {
  async find(tx: Tx, id: string): Promise<Suspension | null> {
    const entity = await tx.findOne(SuspensionEntity, { where: { id } });
    return entity ? toSuspension(entity) : null;
  }

  /** Locks the row for the rest of the transaction (status changes, balance arithmetic). */
  async lock(tx: Tx, id: string): Promise<Suspension> {
    const entity = await tx
      .createQueryBuilder(SuspensionEntity, 's')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
    if (!entity) throw DomainError.notFound('Suspension');
    return toSuspension(entity);
  }

  async findByExternalRef(
    tx: Tx,
    source: string,
    externalRef: string,
  ): Promise<(Suspension & { payloadHash: string }) | null> {
    const entity = await tx.findOne(SuspensionEntity, { where: { source, externalRef } });
    return entity ? { ...toSuspension(entity), payloadHash: entity.payloadHash } : null;
  }

  /** Inserts unless (source, externalRef) exists; returns false when it already did. */
  async insertIfNew(tx: Tx, s: Suspension, payloadHash: string): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(SuspensionEntity)
      .values({
        id: s.id,
        accountId: s.accountId,
        source: s.source,
        externalRef: s.externalRef,
        status: s.status,
        reasonCode: s.reasonCode,
        policyClause: s.policyClause,
        statementOfReasons: s.statementOfReasons,
        automatedDetection: s.automatedDetection,
        automatedDecision: s.automatedDecision,
        // jsonb column: TypeORM serialises the object; its deep-partial typing does not model free-form JSON
        signals: s.signals as never,
        waveId: s.waveId,
        frozenAmountMinor: s.frozenBalance.amountMinor,
        releasedAmountMinor: 0,
        currency: s.frozenBalance.currency,
        accountEmail: s.accountEmail,
        locale: s.locale,
        accountCreatedAt: s.accountCreatedAt,
        suspendedAt: s.suspendedAt,
        appealDeadline: s.appealDeadline,
        payloadHash,
        createdAt: s.createdAt,
        version: 1,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  async update(
    tx: Tx,
    id: string,
    changes: Partial<
      Pick<SuspensionEntity, 'status' | 'liftedAt' | 'liftReason' | 'releasedAmountMinor' | 'noticeSentAt'>
    >,
  ): Promise<Suspension> {
    await tx
      .createQueryBuilder()
      .update(SuspensionEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
    return this.lock(tx, id);
  }
}
