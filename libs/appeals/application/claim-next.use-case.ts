import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { Clock, hasRole, type Actor } from '@redress/kernel';
import type { Appeal } from '../domain/appeal';
import { APPEAL_COLUMNS, toAppeal, type AppealRow } from '../persistence/appeal-row';
import { AppealTransitioner } from './appeal-transitioner';

/**
 * Claims the highest-priority claimable appeal for the caller (SPEC §5). SKIP LOCKED lets reviewers
 * calling at once each take a different appeal instead of queueing on the same row.
 */
@Injectable()
export class ClaimNextUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly transitioner: AppealTransitioner,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor): Promise<Appeal | null> {
    const claimable = hasRole(actor, 'senior_reviewer') ? ['escalated', 'submitted'] : ['submitted'];
    return this.uow.run(async (tx) => {
      const rows: AppealRow[] = await tx.query(
        `SELECT ${APPEAL_COLUMNS} FROM appeals a
          WHERE a.status = ANY($1) AND a.assignee_id IS NULL
          ORDER BY a.priority DESC, a.submitted_at, a.id
          LIMIT 1
          FOR UPDATE SKIP LOCKED`,
        [claimable],
      );
      if (!rows[0]) return null;
      const { appeal } = await this.transitioner.apply(
        tx,
        actor,
        toAppeal(rows[0]),
        'claim',
        this.clock.now(),
      );
      return appeal;
    });
  }
}
