import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import type { Suspension } from '../domain/suspension';

/**
 * A decision on a suspension that gets a DSA statement of reasons of its own (docs/dsa.md): the
 * suspension, its upholding on appeal (termination), its lift, and the reopening of an upheld appeal.
 */
export type SuspensionDecisionKind = 'suspension' | 'termination' | 'lift' | 'reopening';

export interface SuspensionDecision {
  /** The suspension as the decision left it. */
  suspension: Suspension;
  kind: SuspensionDecisionKind;
  /** When the decision took effect. */
  takenAt: Date;
}

/**
 * Publishes the statements of decisions in the caller's transaction, so a decision and its statement
 * commit together. The reports lib builds statements on suspensions, not the other way round: it plugs
 * its implementation into StatementPublisherSlot when the app starts.
 */
export interface StatementPublisher {
  publish(tx: Tx, decisions: SuspensionDecision[]): Promise<void>;
}

/** The publisher as this lib sees it: whatever ReportsModule plugged in when the app started. */
@Injectable()
export class StatementPublisherSlot implements StatementPublisher {
  private publisher?: StatementPublisher;

  plug(publisher: StatementPublisher): void {
    this.publisher = publisher;
  }

  publish(tx: Tx, decisions: SuspensionDecision[]): Promise<void> {
    // every app imports ReportsModule; a decision without its statement would break DSA Art. 17
    if (!this.publisher)
      throw new Error('no statement publisher: import ReportsModule to decide on suspensions');
    return this.publisher.publish(tx, decisions);
  }
}
