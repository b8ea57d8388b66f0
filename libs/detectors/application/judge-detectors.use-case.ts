import { Injectable } from '@nestjs/common';
import { WaveFlags } from '@redress/appeals';
import { AuditLog } from '@redress/audit';
import { AppConfig } from '@redress/config';
import { UnitOfWork } from '@redress/database';
import { Clock, SYSTEM_ACTOR, type DetectorJudgement, type DetectorRef } from '@redress/kernel';
import { Outbox } from '@redress/outbox';
import { judge, type BreakerMove } from '../domain/breaker';
import { versionFigures } from '../domain/detector-figures';
import { DetectorVersionRepository } from '../persistence/detector-version.repository';
import { DetectorQueries } from '../queries/detector-queries';

/**
 * The breaker (docs/detectors.md): judges detector versions again from their decided appeals and
 * sample cases. A version whose lower 95 % bound of the false-positive rate passes
 * DETECTOR_BREAKER_THRESHOLD is flagged — its open cases gain priority and the platform hears
 * `detector.flagged` — and cleared (`detector.cleared`) once a later bound is back; each move is audited.
 */
@Injectable()
export class JudgeDetectorsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: DetectorQueries,
    private readonly versions: DetectorVersionRepository,
    private readonly waveFlags: WaveFlags,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Judges the versions with cases decided since `since` (every version without it); answers the moves made. */
  async round(since: Date | null): Promise<number> {
    let moves = 0;
    for (const detector of await this.queries.decidedSince(since)) {
      if (await this.judgeVersion(detector)) moves += 1;
    }
    return moves;
  }

  /** One version, under its row lock: two workers judging it take turns, and only one moves it. */
  judgeVersion(detector: DetectorRef): Promise<BreakerMove> {
    return this.uow.run(async (tx) => {
      const state = await this.versions.lock(tx, detector);
      const tally = await this.queries.tally(tx, detector);
      if (!tally) return null;
      const rate = versionFigures(tally).falsePositiveRate;
      const threshold = this.config.env.DETECTOR_BREAKER_THRESHOLD;
      const move = judge(rate, threshold, state.flagged);
      const now = this.clock.now();
      await this.versions.record(tx, state.id, {
        lowerBound: rate?.low ?? 0,
        flagged: move === null ? state.flagged : move === 'flag',
        changed: move !== null,
        at: now,
      });
      if (!move) return null;
      const judgement: DetectorJudgement = {
        detector,
        threshold,
        ...(rate?.estimate != null ? { estimate: rate.estimate } : {}),
        lowerBound: rate?.low ?? 0,
        upperBound: rate?.high ?? 1,
        suspensions: tally.suspensions,
        appealsDecided: tally.appealsDecided,
        appealsOverturned: tally.appealsOverturned,
        samplesDecided: tally.samplesDecided,
        samplesOverturned: tally.samplesOverturned,
        judgedAt: now.toISOString(),
      };
      const type = move === 'flag' ? 'detector.flagged' : 'detector.cleared';
      const reprioritised = await this.waveFlags.reprioritiseDetector(tx, detector);
      await this.audit.append(tx, {
        actor: SYSTEM_ACTOR,
        action: type,
        entityType: 'detector_version',
        entityId: state.id,
        data: { ...judgement, reprioritised },
        at: now,
      });
      await this.outbox.append(tx, { type, payload: judgement });
      return move;
    });
  }
}
