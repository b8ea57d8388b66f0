import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { Outbox } from '@redress/outbox';

export interface AccessLinkRequest {
  email: string;
  suspensionId?: string;
  requestId?: string;
}

/**
 * Records that links were asked for and nothing else: whether the address is known is found out by the
 * worker, so a known and an unknown address take the same path here and get the same answer.
 */
@Injectable()
export class RequestAccessLinkUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
  ) {}

  async execute({ email, suspensionId, requestId }: AccessLinkRequest): Promise<void> {
    const payload = { email, ...(suspensionId ? { suspensionId } : {}) };
    await this.uow.run((tx) => this.outbox.append(tx, { type: 'access_link.requested', payload, requestId }));
  }
}
