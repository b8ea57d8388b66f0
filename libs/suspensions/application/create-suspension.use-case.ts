import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { Clock, DomainError, type Actor } from '@redress/kernel';
import type { NewSuspension, Suspension } from '../domain/suspension';
import { SuspensionRepository } from '../persistence/suspension.repository';
import { SuspensionWriter } from './suspension-writer';

export interface CreateSuspensionResult {
  suspension: Suspension;
  created: boolean;
}

/** Suspends one account; idempotent on (enforcement system, externalRef). */
@Injectable()
export class CreateSuspensionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly suspensions: SuspensionRepository,
    private readonly writer: SuspensionWriter,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: NewSuspension): Promise<CreateSuspensionResult> {
    const { suspension, payloadHash } = this.writer.build(actor, input, this.clock.now());
    return this.uow.run(async (tx) => {
      if (input.waveId) await this.writer.applyWave(tx, input.waveId, [suspension]);
      const inserted = await this.suspensions.insertIfNew(tx, suspension, payloadHash);
      if (!inserted) {
        const existing = await this.suspensions.findByExternalRef(tx, actor.sub, input.externalRef);
        if (!existing || existing.payloadHash !== payloadHash) {
          throw new DomainError(
            'external_ref_conflict',
            `externalRef ${input.externalRef} was already used for a different suspension`,
          );
        }
        const { payloadHash: _, ...unchanged } = existing;
        return { suspension: unchanged, created: false };
      }
      await this.writer.assertAmountsFit(tx, [suspension], () => 'frozenBalance.amountMinor');
      await this.writer.recordCreated(tx, actor, [suspension]);
      return { suspension, created: true };
    });
  }
}
