import { Injectable } from '@nestjs/common';
import { queryPrepared, type Tx } from '@redress/database';

/**
 * SPEC §3: a wave whose overturn rate is ≥ 30 % over at least 10 decided appeals is flagged — its
 * detector is probably wrong — and its open appeals gain priority. The flag is a generated column of
 * wave_stats, whose counters triggers keep current.
 */
@Injectable()
export class WaveFlags {
  async isFlagged(tx: Tx, waveId: string | null): Promise<boolean> {
    if (!waveId) return false;
    const rows = await queryPrepared<{ flagged: boolean }>(
      tx,
      `SELECT flagged FROM wave_stats WHERE wave_id = $1`,
      [waveId],
    );
    return rows[0]?.flagged ?? false;
  }

  /** Re-prioritises the wave's open appeals whose priority no longer matches the flag. */
  async reprioritiseWave(tx: Tx, waveId: string | null): Promise<void> {
    if (!waveId) return;
    await tx.query(
      `UPDATE appeals a
          SET priority = appeal_priority(s.automated_decision, a.sla_breached, s.frozen_amount_minor, w.flagged),
              version = a.version + 1, updated_at = now()
         FROM suspensions s, wave_stats w
        WHERE s.id = a.suspension_id AND w.wave_id = a.wave_id AND a.wave_id = $1
          AND a.status IN ('submitted', 'in_review', 'awaiting_appellant', 'escalated')
          AND a.priority <> appeal_priority(s.automated_decision, a.sla_breached, s.frozen_amount_minor, w.flagged)`,
      [waveId],
    );
  }
}
