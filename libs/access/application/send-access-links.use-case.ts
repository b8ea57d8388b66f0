import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork } from '@redress/database';
import { Clock, newId, type StoredEvent } from '@redress/kernel';
import { accessLinkUrl, appealPageUrl, Mailer, TemplateRenderer } from '@redress/notifications';
import { OutboxStore } from '@redress/outbox';
import { SuspensionQueries, type AccountAtAddress } from '@redress/suspensions';
import { linkTokenHash, newLinkToken } from '../domain/link-token';
import { AccessLinkRepository } from '../persistence/access-link.repository';

/**
 * The worker's half of a link request: one link per account whose suspensions carry the address,
 * e-mailed in that suspension's locale, and none (silently) when no suspension does. The links are
 * committed before their mails leave, so a mail never carries a link that does not exist; a retry after
 * a failed send mails new links, and the unsent ones expire unused.
 */
@Injectable()
export class SendAccessLinksUseCase {
  private readonly logger = new Logger(SendAccessLinksUseCase.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly suspensions: SuspensionQueries,
    private readonly links: AccessLinkRepository,
    private readonly renderer: TemplateRenderer,
    private readonly mailer: Mailer,
    private readonly outbox: OutboxStore,
  ) {}

  async execute(event: StoredEvent<'access_link.requested'>): Promise<void> {
    const accounts = this.mailer.enabled
      ? await this.suspensions.accountsAtAddress(event.payload.email, event.payload.suspensionId)
      : [];
    if (!this.mailer.enabled) this.logger.warn('an access link was asked for, but SMTP_URL is not set');
    const { publicUrl, linkTtlMinutes } = this.config.access;
    const expiresAt = new Date(this.clock.now().getTime() + linkTtlMinutes * 60_000);
    const issued = accounts.map((account) => ({ account, token: newLinkToken() }));
    await this.uow.run((tx) =>
      this.links.insert(
        tx,
        issued.map(({ account, token }) => ({
          id: newId(),
          tokenHash: linkTokenHash(token),
          accountId: account.accountId,
          suspensionId: account.suspensionId,
          expiresAt,
        })),
      ),
    );
    for (const { account, token } of issued)
      await this.mail(account, accessLinkUrl(publicUrl, token), expiresAt, publicUrl);
    await this.outbox.markProcessed(event.id);
  }

  private async mail(account: AccountAtAddress, accessUrl: string, expiresAt: Date, publicUrl: string) {
    const rendered = this.renderer.renderAccessLink(
      {
        ...account,
        appealUrl: appealPageUrl(publicUrl, account.suspensionId),
        accessUrl,
        expiresAt: expiresAt.toISOString(),
      },
      account.locale,
    );
    await this.mailer.send({ ...rendered, to: account.accountEmail });
  }
}
