import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { assertVersion, type Actor } from '@redress/kernel';
import { LiftSuspensionUseCase, SuspensionStore, type Suspension } from '@redress/suspensions';
import { isOpenStatus } from '../domain/appeal-state-machine';
import { AppealRepository } from '../persistence/appeal.repository';
import { DecideAppealUseCase } from './decide-appeal.use-case';

/**
 * The platform lifts a suspension: an open appeal on it is decided `overturned` with the
 * lift reason, with every effect of a decision; otherwise the suspension is simply lifted.
 */
@Injectable()
export class LiftWithAppealUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly suspensions: SuspensionStore,
    private readonly appeals: AppealRepository,
    private readonly decide: DecideAppealUseCase,
    private readonly lifter: LiftSuspensionUseCase,
  ) {}

  async execute(
    actor: Actor,
    suspensionId: string,
    reason: string,
    expectedVersion?: number,
  ): Promise<Suspension> {
    // An appeal filed between our look-up and our lock is seen once we hold the suspension: start over
    // then, so the lock order (appeal before suspension) holds and the new appeal is decided too.
    for (let attempt = 0; ; attempt += 1) {
      const lifted = await this.uow.run(async (tx) => {
        const found = await this.appeals.findBySuspension(tx, suspensionId);
        const appeal = found && isOpenStatus(found.status) ? await this.appeals.lock(tx, found.id) : null;
        const suspension = await this.suspensions.lock(tx, suspensionId);
        assertVersion(expectedVersion, suspension.version);
        if (appeal && isOpenStatus(appeal.status)) {
          await this.decide.decideLocked(tx, actor, appeal, 'lift', {
            outcome: 'overturned',
            rationale: reason,
          });
          return this.suspensions.lock(tx, suspensionId);
        }
        const latest = await this.appeals.findBySuspension(tx, suspensionId);
        if (latest && isOpenStatus(latest.status) && attempt < 3) return null;
        return this.lifter.liftLocked(tx, actor, suspension, reason);
      });
      if (lifted) return lifted;
    }
  }
}
