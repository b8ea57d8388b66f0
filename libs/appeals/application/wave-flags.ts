import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import type { DetectorRef } from '@redress/kernel';
import type { Suspension } from '@redress/suspensions';
import { AppealRepository } from '../persistence/appeal.repository';

/**
 * A wave whose overturn rate is ≥ 30 % over at least 10 decided appeals is flagged — its
 * detector is probably wrong — and its open appeals gain priority. The flag is a generated column of
 * wave_stats, whose counters triggers keep current.
 */
@Injectable()
export class WaveFlags {
  constructor(private readonly appeals: AppealRepository) {}

  async isFlagged(tx: Tx, waveId: string | null): Promise<boolean> {
    return waveId ? this.appeals.isWaveFlagged(tx, waveId) : false;
  }

  /** Whether an appeal on the suspension gains the flag's priority: its wave or its detector version is flagged. */
  raisesPriority(tx: Tx, suspension: Pick<Suspension, 'waveId' | 'detector'>): Promise<boolean> {
    return this.appeals.isFlagged(tx, suspension);
  }

  /** Re-prioritises the detector version's open cases after the breaker flagged or cleared it. */
  async reprioritiseDetector(tx: Tx, detector: DetectorRef): Promise<number> {
    return this.appeals.reprioritiseOpenOfDetector(tx, detector);
  }

  /** Re-prioritises the wave's open appeals whose priority no longer matches the flag. */
  async reprioritiseWave(tx: Tx, waveId: string | null): Promise<void> {
    if (waveId) await this.appeals.reprioritiseOpenOfWave(tx, waveId);
  }
}
