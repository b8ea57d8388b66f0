import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork } from '@redress/database';
import type { Actor } from '@redress/kernel';
import { Outbox } from '@redress/outbox';
import { DsaSubmissionRepository } from '../persistence/dsa-submission.repository';

/**
 * A rejected submission goes back to pending after a fix (the database's rules or our data), and the
 * worker is told at once. The statement itself is sent as it was published: it never changes.
 */
@Injectable()
export class RetryDsaSubmissionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly submissions: DsaSubmissionRepository,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  execute(actor: Actor, id: string): Promise<void> {
    return this.uow.run(async (tx) => {
      await this.submissions.retry(tx, id);
      await this.audit.append(tx, {
        actor,
        action: 'dsa_submission.retried',
        entityType: 'dsa_submission',
        entityId: id,
        data: {},
      });
      await this.outbox.append(tx, {
        type: 'dsa.statements_published',
        payload: { count: 1 },
        requestId: actor.requestId,
      });
    });
  }
}
