import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { newId, type DetectorRef } from '@redress/kernel';

/** The breaker's state of one detector version (detector_versions). */
export interface BreakerState {
  id: string;
  flagged: boolean;
}

/** The breaker's rows; every method works in the caller's transaction. */
@Injectable()
export class DetectorVersionRepository {
  /** Locks the version's row, creating it unflagged the first time, so judgements of one version take turns. */
  async lock(tx: Tx, detector: DetectorRef): Promise<BreakerState> {
    await tx.query(
      `INSERT INTO detector_versions (id, name, version) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT detector_versions_name_version DO NOTHING`,
      [newId(), detector.name, detector.version],
    );
    const [row]: BreakerState[] = await tx.query(
      `SELECT id, flagged FROM detector_versions WHERE name = $1 AND version = $2 FOR UPDATE`,
      [detector.name, detector.version],
    );
    return row;
  }

  async record(
    tx: Tx,
    id: string,
    judgement: { lowerBound: number; flagged: boolean; changed: boolean; at: Date },
  ): Promise<void> {
    await tx.query(
      `UPDATE detector_versions
          SET lower_bound = $2, flagged = $3, judged_at = $5, changed_at = CASE WHEN $4 THEN $5 ELSE changed_at END
        WHERE id = $1`,
      [id, judgement.lowerBound, judgement.flagged, judgement.changed, judgement.at],
    );
  }
}
