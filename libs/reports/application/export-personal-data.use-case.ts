import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '@redress/database';
import { Clock } from '@redress/kernel';
import {
  EXPORT_SECTION_LIMIT,
  type ExportSection,
  type PersonalDataExport,
} from '../domain/personal-data-export';
import { PersonalDataQueries } from '../queries/personal-data-queries';

/**
 * `GET /v1/me/export`: everything Redress holds about the caller's account in one JSON
 * document, read from one snapshot so that, say, a refund never appears without its suspension.
 */
@Injectable()
export class ExportPersonalDataUseCase {
  constructor(
    private readonly reads: ReplicaReads,
    private readonly queries: PersonalDataQueries,
    private readonly clock: Clock,
  ) {}

  async execute(accountId: string): Promise<PersonalDataExport> {
    const now = this.clock.now();
    // One row more than the limit tells a full section from a cut one.
    const fetch = EXPORT_SECTION_LIMIT + 1;
    const q = this.queries;
    const raw = await this.reads.snapshot(async (db) => ({
      suspensions: await q.suspensions(db, accountId, now, fetch),
      appeals: await q.appeals(db, accountId, fetch),
      messages: await q.messages(db, accountId, fetch),
      evidence: await q.evidence(db, accountId, fetch),
      refunds: await q.refunds(db, accountId, fetch),
      balances: await q.bookBalances(db, accountId),
      ledgerEntries: await q.ledgerEntries(db, accountId, fetch),
      notifications: await q.notifications(db, accountId, fetch),
    }));
    const truncated: ExportSection[] = [];
    const bounded = <T>(section: ExportSection, items: T[]): T[] => {
      if (items.length <= EXPORT_SECTION_LIMIT) return items;
      truncated.push(section);
      return items.slice(0, EXPORT_SECTION_LIMIT);
    };
    return {
      accountId,
      generatedAt: now.toISOString(),
      sectionLimit: EXPORT_SECTION_LIMIT,
      suspensions: bounded('suspensions', raw.suspensions),
      appeals: bounded('appeals', raw.appeals),
      messages: bounded('messages', raw.messages),
      evidence: bounded('evidence', raw.evidence),
      refunds: bounded('refunds', raw.refunds),
      ledger: { balances: raw.balances, entries: bounded('ledgerEntries', raw.ledgerEntries) },
      notifications: bounded('notifications', raw.notifications),
      truncated,
    };
  }
}
