import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';
import type { Evidence } from '../domain/evidence';
import { EVIDENCE_COLUMNS, toEvidence, type EvidenceRow } from '../persistence/evidence-row';

/** One evidence item with the account that owns its appeal (for the access check). */
export interface EvidenceWithOwner {
  evidence: Evidence;
  appealAccountId: string;
}

@Injectable()
export class EvidenceQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<EvidenceWithOwner | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${EVIDENCE_COLUMNS}, a.account_id AS appeal_account_id
         FROM evidence e JOIN appeals a ON a.id = e.appeal_id
        WHERE e.id = $1`,
      [id],
    )) as (EvidenceRow & { appeal_account_id: string })[];
    return row ? { evidence: toEvidence(row), appealAccountId: row.appeal_account_id } : null;
  }

  /** An appeal's evidence in upload order, keyset-paged on (created_at, id); internal items only on request. */
  async listForAppeal(
    appealId: string,
    options: { includeInternal: boolean; limit: number; cursor?: string },
  ): Promise<Page<Evidence>> {
    const after = decodeCursor(options.cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [appealId, options.limit + 1];
    const rows = (await this.dataSource.query(
      `SELECT ${EVIDENCE_COLUMNS}
         FROM evidence e
        WHERE e.appeal_id = $1
          ${options.includeInternal ? '' : 'AND NOT e.internal'}
          ${after ? `AND (e.created_at, e.id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)` : ''}
        ORDER BY e.created_at, e.id
        LIMIT $2`,
      params,
    )) as EvidenceRow[];
    return toPage(rows, options.limit, toEvidence, (r) => [r.created_at.toISOString(), r.id]);
  }
}
