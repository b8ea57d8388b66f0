import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork, type Tx } from '@redress/database';
import { Clock } from '@redress/kernel';
import { Metrics } from '@redress/observability';
import {
  backoffMs,
  interpretBatchAnswer,
  TDB_BATCH_SIZE,
  type SubmissionOutcome,
  type TdbAnswer,
} from '../domain/tdb-response';
import { validateStatementOfReasons } from '../domain/validate-statement-of-reasons';
import {
  DsaSubmissionRepository,
  type Acceptance,
  type DueSubmission,
} from '../persistence/dsa-submission.repository';
import { TdbClient } from '../submission/tdb-client';

/**
 * Submits due statements to the Transparency Database, a batch at a time (its limit, 100). Each batch
 * is one transaction that holds its rows locked while the request is in flight and records what the
 * database answered before it commits: a worker that dies mid-batch leaves them pending and unlocked
 * (PostgreSQL ends the transaction with the connection). The database never stores a puid twice and
 * says which ones it holds, so a batch sent again after such a crash is recorded as accepted without
 * a second copy. A statement our own rules refuse is rejected without being sent.
 */
@Injectable()
export class SubmitStatementsUseCase {
  private readonly logger = new Logger(SubmitStatementsUseCase.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly submissions: DsaSubmissionRepository,
    private readonly tdb: TdbClient,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
    private readonly clock: Clock,
  ) {}

  /** Batches until none is due; how many statements were sent. Nothing when submission is off. */
  async submitDue(): Promise<number> {
    if (!this.config.dsaSubmission) return 0;
    let sent = 0;
    for (;;) {
      const batch = await this.uow.run((tx) => this.submitBatch(tx));
      if (batch === null) return sent;
      sent += batch;
    }
  }

  /** One batch; null when none was due. */
  private async submitBatch(tx: Tx): Promise<number | null> {
    const due = await this.submissions.claimDue(tx, TDB_BATCH_SIZE);
    if (due.length === 0) return null;
    const refusedHere = due
      .map((s) => ({ id: s.id, errors: validateStatementOfReasons(s.statement) }))
      .filter((r) => r.errors.length > 0);
    await this.submissions.reject(
      tx,
      refusedHere.map((r) => ({ id: r.id, errors: { redress: r.errors } })),
    );
    this.metrics.dsaSubmissions.inc({ outcome: 'rejected' }, refusedHere.length);
    const sending = due.filter((s) => !refusedHere.some((r) => r.id === s.id));
    if (sending.length > 0) await this.record(tx, sending, await this.send(sending));
    return sending.length;
  }

  private async send(batch: DueSubmission[]): Promise<SubmissionOutcome[]> {
    const puids = batch.map((s) => s.puid);
    let answer: TdbAnswer;
    try {
      answer = await this.tdb.submit(batch.map((s) => s.statement));
    } catch (error) {
      this.metrics.dsaRequests.inc({ answer: 'network' });
      const reason = `request failed: ${(error as Error).message}`;
      return puids.map((puid) => ({ kind: 'retry_later', puid, reason, afterMs: null }));
    }
    this.metrics.dsaRequests.inc({ answer: answerLabel(answer.status) });
    return interpretBatchAnswer(puids, answer, this.clock.now());
  }

  private async record(tx: Tx, batch: DueSubmission[], outcomes: SubmissionOutcome[]): Promise<void> {
    const byPuid = new Map(batch.map((s) => [s.puid, s]));
    const accepted: Acceptance[] = [];
    const rejected: { id: string; errors: Record<string, unknown> }[] = [];
    const later: { id: string; delayMs: number; reason: string }[] = [];
    let alreadyAccepted = 0;
    for (const outcome of outcomes) {
      const s = byPuid.get(outcome.puid)!;
      switch (outcome.kind) {
        case 'accepted':
          accepted.push({ id: s.id, tdbUuid: outcome.tdbUuid, permalink: outcome.permalink });
          break;
        case 'already_present': {
          const held = await this.lookUp(outcome.puid);
          if (held) {
            accepted.push({ id: s.id, ...held });
            alreadyAccepted += 1;
          } else later.push({ id: s.id, delayMs: backoffMs(s.attempts + 1), reason: 'puid look-up failed' });
          break;
        }
        case 'rejected':
          rejected.push({ id: s.id, errors: outcome.errors });
          break;
        case 'resubmit':
          later.push({
            id: s.id,
            delayMs: 0,
            reason: 'sent again: another statement of its batch was refused',
          });
          break;
        case 'retry_later':
          later.push({
            id: s.id,
            delayMs: Math.max(outcome.afterMs ?? 0, backoffMs(s.attempts + 1)),
            reason: outcome.reason,
          });
      }
    }
    await this.submissions.accept(tx, accepted);
    await this.submissions.reject(tx, rejected);
    await this.submissions.reschedule(tx, later);
    this.metrics.dsaSubmissions.inc({ outcome: 'accepted' }, accepted.length - alreadyAccepted);
    this.metrics.dsaSubmissions.inc({ outcome: 'already_accepted' }, alreadyAccepted);
    this.metrics.dsaSubmissions.inc({ outcome: 'rejected' }, rejected.length);
    this.metrics.dsaSubmissions.inc({ outcome: 'retried' }, later.length);
    if (rejected.length > 0)
      this.logger.warn({ rejected: rejected.length }, 'statements rejected by the Transparency Database');
  }

  /** What the database holds for a puid it said it has; null when the look-up fails (retried later). */
  private async lookUp(puid: string): Promise<Omit<Acceptance, 'id'> | null> {
    try {
      const held = await this.tdb.existing(puid);
      return held ? { tdbUuid: held.uuid, permalink: held.permalink } : null;
    } catch {
      return null;
    }
  }
}

const answerLabel = (status: number): string =>
  [201, 422, 429].includes(status) ? String(status) : status >= 500 ? '5xx' : 'other';
