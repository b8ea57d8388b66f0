import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import type { Evidence } from '../domain/evidence';

/** Writes evidence rows inside the caller's transaction. */
@Injectable()
export class EvidenceRepository {
  async countForAppeal(tx: Tx, appealId: string): Promise<number> {
    const [row] = (await tx.query('SELECT count(*)::int AS n FROM evidence WHERE appeal_id = $1', [
      appealId,
    ])) as { n: number }[];
    return row.n;
  }

  /** `position` is the appeal's next slot (1–20); the table's unique (appeal_id, position) backs the limit. */
  async insert(tx: Tx, evidence: Evidence, position: number): Promise<void> {
    await tx.query(
      `INSERT INTO evidence (id, appeal_id, position, submitted_by, submitted_by_sub, file_name, content_type,
                             size_bytes, sha256, description, internal, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        evidence.id,
        evidence.appealId,
        position,
        evidence.submittedBy,
        evidence.submittedBySub,
        evidence.fileName,
        evidence.contentType,
        evidence.sizeBytes,
        evidence.sha256,
        evidence.description,
        evidence.internal,
        evidence.createdAt,
      ],
    );
  }
}
