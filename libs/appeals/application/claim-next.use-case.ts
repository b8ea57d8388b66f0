import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { can, Clock, type Actor } from '@redress/kernel';
import type { Appeal } from '../domain/appeal';
import { AppealRepository } from '../persistence/appeal.repository';
import { AppealTransitioner } from './appeal-transitioner';

/** Claims the highest-priority claimable appeal for the caller. */
@Injectable()
export class ClaimNextUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealRepository,
    private readonly transitioner: AppealTransitioner,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor): Promise<Appeal | null> {
    const claimable: Appeal['status'][] = can(actor, 'queue.work_level2')
      ? ['escalated', 'submitted']
      : ['submitted'];
    return this.uow.run(async (tx) => {
      const next = await this.appeals.lockNextClaimable(tx, claimable);
      if (!next) return null;
      const { appeal } = await this.transitioner.apply(tx, actor, next.appeal, 'claim', this.clock.now(), {
        context: next.context,
      });
      return appeal;
    });
  }
}
