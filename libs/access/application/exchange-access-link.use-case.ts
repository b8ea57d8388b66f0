import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { Clock, DomainError } from '@redress/kernel';
import { isLinkTokenShape, linkTokenHash } from '../domain/link-token';
import { AccessLinkRepository } from '../persistence/access-link.repository';

/**
 * Uses a link once: the account it was sent for, or 401 `unauthenticated` for a link that was used,
 * has expired or never existed (the same answer for each, so a guess learns nothing).
 */
@Injectable()
export class ExchangeAccessLinkUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly links: AccessLinkRepository,
  ) {}

  async execute(token: string): Promise<{ accountId: string }> {
    const used = isLinkTokenShape(token)
      ? await this.uow.run((tx) => this.links.consume(tx, linkTokenHash(token), this.clock.now()))
      : null;
    if (!used)
      throw new DomainError(
        'unauthenticated',
        'This link cannot be used: it was used before, it has expired, or it is not a link Redress sent',
      );
    return used;
  }
}
