import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { can, Clock, DomainError, type Actor } from '@redress/kernel';
import { assertSeesAppeal, type AppealMessage } from '../domain/appeal';
import { isOpenStatus } from '../domain/appeal-state-machine';
import { AppealRepository } from '../persistence/appeal.repository';
import { MessageRepository } from '../persistence/message.repository';
import { AppealTransitioner } from './appeal-transitioner';
import { staffRole } from './transition-appeal.use-case';

/** A message in the appeal's thread; the appellant's reply to a request for information resumes the review. */
@Injectable()
export class PostMessageUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealRepository,
    private readonly messages: MessageRepository,
    private readonly transitioner: AppealTransitioner,
    private readonly clock: Clock,
  ) {}

  execute(
    actor: Actor,
    appealId: string,
    input: { body: string; internal?: boolean },
  ): Promise<AppealMessage> {
    return this.uow.run(async (tx) => {
      const appeal = await this.appeals.lock(tx, appealId);
      assertSeesAppeal(actor, appeal);
      const staff = can(actor, 'appeal.write_internal');
      if (!staff) {
        if (input.internal) throw new DomainError('forbidden', 'Only staff may write internal notes');
        if (!isOpenStatus(appeal.status)) {
          throw new DomainError(
            'invalid_transition',
            `cannot add a message to an appeal that is ${appeal.status}`,
          );
        }
      }
      const message = await this.messages.add(tx, {
        appealId,
        authorRole: staff ? staffRole(actor) : 'appellant',
        authorId: actor.sub,
        body: input.body,
        internal: staff && Boolean(input.internal),
      });
      if (!staff && appeal.status === 'awaiting_appellant') {
        await this.transitioner.apply(tx, actor, appeal, 'appellant_reply', this.clock.now(), {
          auditData: { messageId: message.id },
        });
      }
      return message;
    });
  }
}
