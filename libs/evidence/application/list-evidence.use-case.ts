import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import type { Actor, Page } from '@redress/kernel';
import type { Evidence } from '../domain/evidence';
import { assertAppealVisible, viewingAs } from '../domain/evidence-access';
import { AppealStore } from '@redress/appeals';
import { EvidenceQueries } from '../queries/evidence-queries';

/** An appeal's evidence: all of it for staff; for its appellant, everything but internal items. */
@Injectable()
export class ListEvidenceUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealStore,
    private readonly queries: EvidenceQueries,
  ) {}

  async execute(
    actor: Actor,
    appealId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Evidence>> {
    const audience = viewingAs(actor);
    assertAppealVisible(await this.appeals.findOwnership(this.uow.reader, appealId), actor, audience);
    return this.queries.listForAppeal(appealId, { ...page, includeInternal: audience === 'staff' });
  }
}
