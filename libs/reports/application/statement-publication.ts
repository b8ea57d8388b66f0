import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import type { Tx } from '@redress/database';
import { newId } from '@redress/kernel';
import { Outbox } from '@redress/outbox';
import type { StatementPublisher, SuspensionDecision } from '@redress/suspensions';
import { puidFor, toStatementOfReasons } from '../domain/statement-of-reasons';
import { DsaStatementRepository, type StatementToPublish } from '../persistence/dsa-statement.repository';
import { DsaSubmissionRepository } from '../persistence/dsa-submission.repository';

/**
 * Publishes one statement of reasons per decision, in the decision's transaction: built from the
 * suspension as the decision left it, numbered after the suspension's earlier statements (the caller
 * holds the suspension's row lock), and stored for good. With submission on (DSA_TDB_URL and
 * DSA_TDB_TOKEN), each is also queued for the Transparency Database, and the worker told through the
 * outbox; a statement published while submission was off is never submitted (the export serves it).
 */
@Injectable()
export class StatementPublication implements StatementPublisher {
  constructor(
    private readonly statements: DsaStatementRepository,
    private readonly submissions: DsaSubmissionRepository,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
  ) {}

  async publish(tx: Tx, decisions: SuspensionDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    const last = await this.statements.lastSeqs(tx, [...new Set(decisions.map((d) => d.suspension.id))]);
    const rows = decisions.map((d): StatementToPublish => {
      const seq = (last.get(d.suspension.id) ?? 0) + 1;
      last.set(d.suspension.id, seq);
      const puid = puidFor(d.suspension.id, seq);
      return {
        id: newId(),
        suspensionId: d.suspension.id,
        seq,
        decision: d.kind,
        puid,
        statement: toStatementOfReasons(d.suspension, {
          kind: d.kind,
          takenAt: d.takenAt,
          puid,
        }),
      };
    });
    await this.statements.insert(tx, rows);
    if (!this.config.dsaSubmission) return;
    await this.submissions.insertPending(
      tx,
      rows.map((r) => ({ id: newId(), statementId: r.id, puid: r.puid })),
    );
    await this.outbox.append(tx, { type: 'dsa.statements_published', payload: { count: rows.length } });
  }
}
