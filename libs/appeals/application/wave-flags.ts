import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Tx } from '@redress/database';
import type { DetectorRef, StoredEvent } from '@redress/kernel';
import { Outbox, OutboxStore } from '@redress/outbox';
import type { Suspension } from '@redress/suspensions';
import { AppealRepository } from '../persistence/appeal.repository';

/**
 * A wave whose overturn rate is ≥ 30 % over at least 10 decided appeals is flagged — its
 * detector is probably wrong — and its open appeals gain priority. The flag is a generated column of
 * wave_stats, whose counters triggers keep current.
 */
@Injectable()
export class WaveFlags {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly outbox: Outbox,
    private readonly outboxStore: OutboxStore,
    private readonly uow: UnitOfWork,
  ) {}

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

  /**
   * After a decision: when the wave's flag is no longer `flaggedBefore`, asks the worker to
   * re-prioritise the wave's open appeals. Not here: this transaction holds the wave's counters, and
   * locking other appeals below them would go back up the lock order — concurrent decisions in one
   * wave deadlocked on it.
   */
  async noteChange(tx: Tx, waveId: string | null, flaggedBefore: boolean): Promise<void> {
    if (!waveId) return;
    const flagged = await this.isFlagged(tx, waveId);
    if (flagged !== flaggedBefore)
      await this.outbox.append(tx, { type: 'wave.flag_changed', payload: { waveId, flagged } });
  }

  /** The worker's half: the wave's open appeals whose priority no longer matches the flag, in a transaction of their own. */
  async reprioritise(event: StoredEvent<'wave.flag_changed'>): Promise<void> {
    await this.uow.run((tx) => this.appeals.reprioritiseOpenOfWave(tx, event.payload.waveId));
    await this.outboxStore.markProcessed(event.id);
  }
}
