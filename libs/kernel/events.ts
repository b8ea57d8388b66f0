import type { Money } from './money';
import type { AppealLevel, DecisionOutcome, DetectorRef, Locale, ReasonCode } from './vocabulary';

/**
 * The event contract: every outbox event type and the payload it carries. Producers, the outbox, the
 * dispatcher and the templates all type against this map, so a producer that sends the wrong payload
 * does not compile. Times are ISO-8601 UTC strings; money is integer minor units; an optional field is
 * left out rather than set to null or zero. No field is named like a template helper (money, date,
 * reason, yesno, eq), hence `reopenReason` and `liftReason`.
 */
export interface EventPayloads {
  'suspension.noticed': AccountRecipient & {
    suspensionId: string;
    reasonCode: ReasonCode;
    statementOfReasons: string;
    policyClause: string;
    automatedDetection: boolean;
    automatedDecision: boolean;
    frozenBalance: Money;
    suspendedAt: string;
    appealDeadline: string;
    waveId: string | null;
  };
  'appeal.received': AppealSubject & {
    submittedAt: string;
    decisionDueAt: string;
  };
  'appeal.info_requested': AppealSubject & {
    /** The reviewer's question to the appellant. */
    message: string;
    infoDueAt: string;
  };
  'appeal.info_reminder': AppealSubject & {
    /** The reviewer's original question, if it should be repeated. */
    message?: string;
    infoDueAt: string;
  };
  'appeal.decided': AppealSubject & {
    outcome: DecisionOutcome;
    rationale: string;
    decidedAt: string;
    /** Frozen balance released back to the account (overturned / modified). */
    releasedBalance?: Money;
    /** Refund proposed with the decision, paid after finance approval. */
    refund?: Money;
    refundId?: string;
    odsBodyName: string;
    odsBodyUrl: string;
    /** Set when a sampled review, not the person's appeal, found the suspension wrong. */
    origin?: 'sample';
  };
  'appeal.reopened': AppealSubject & {
    reopenReason: string;
    reopenedAt: string;
  };
  'refund.approved': RefundSubject & { approvedAt: string };
  'refund.paid': RefundSubject & { paidAt: string; providerRef?: string };
  'refund.failed': RefundSubject & { failureReason?: string };
  'suspension.lifted': AccountRecipient & {
    suspensionId: string;
    externalRef: string;
    liftedAt: string;
    liftReason: string;
    releasedBalance?: Money;
  };
  /** For the platform: a detector version's estimated false-positive rate passed the breaker's threshold. */
  'detector.flagged': DetectorJudgement;
  /** For the platform: a flagged detector version's estimate fell back to the threshold or below. */
  'detector.cleared': DetectorJudgement;
  /** For staff: no account recipient. */
  'sla.breached': {
    appealId: string;
    suspensionId: string;
    level: AppealLevel;
    priority: number;
    decisionDueAt: string;
    assigneeId?: string;
    reviewUrl?: string;
  };
  /** Work for the payouts processor; it carries no account, so it can never look like a notice. */
  'refund.payout_requested': { refundId: string };
  /** Work for the bulk-jobs processor. */
  'wave.bulk_decision_requested': { jobId: string };
  /** Asks the worker to queue a notification again; creates nothing. */
  'notification.redeliver': { notificationId: string };
  /**
   * Someone asked for one-time access links to this address: the worker e-mails one to each account
   * whose suspensions carry it (to none when no suspension does), limited to one suspension if named.
   */
  'access_link.requested': { email: string; suspensionId?: string };
  /** Work for the DSA submitter: statements of reasons were published and wait to be submitted. */
  'dsa.statements_published': { count: number };
  /**
   * A decision moved the wave's overturn rate across the flag's threshold: the worker re-prioritises
   * the wave's open appeals in a transaction of its own (docs/concurrency.md).
   */
  'wave.flag_changed': { waveId: string; flagged: boolean };
}

/** The breaker's figures for one detector version (docs/detectors.md, "The breaker"). */
export interface DetectorJudgement {
  detector: DetectorRef;
  /** DETECTOR_BREAKER_THRESHOLD when judged. */
  threshold: number;
  /** The estimated false-positive rate over all the version's suspensions, if every group has decided cases. */
  estimate?: number;
  /** The 95 % interval of that rate; `lowerBound` is what the breaker compares with the threshold. */
  lowerBound: number;
  upperBound: number;
  suspensions: number;
  appealsDecided: number;
  appealsOverturned: number;
  samplesDecided: number;
  samplesOverturned: number;
  judgedAt: string;
}

/** Who a notice to the account holder reaches, and in which language. */
export interface AccountRecipient {
  accountId: string;
  accountEmail: string;
  locale: Locale;
  /**
   * The appeal page of the notice's suspension (`PUBLIC_URL/appeal/suspensions/<id>`), added by the
   * dispatcher to every account notice; producers leave it out.
   */
  appealUrl?: string;
}

/**
 * What the access-link e-mail says. It is rendered and sent at once and never stored, because it holds
 * the link itself (only the link's hash is kept).
 */
export type AccessLinkMail = AccountRecipient & {
  /** The suspension the link was asked for, else the account's latest: its page is `appealUrl`. */
  suspensionId: string;
  /** `PUBLIC_URL/appeal/access#<token>`. */
  accessUrl: string;
  expiresAt: string;
};

export type AppealSubject = AccountRecipient & { appealId: string; suspensionId: string };

export type RefundSubject = AccountRecipient & {
  refundId: string;
  suspensionId: string;
  appealId?: string;
  amount: Money;
};

export type EventType = keyof EventPayloads;

/** One event with the payload of its own type; over a union of types, the union of such pairs. */
export type EventOf<E extends EventType = EventType> = {
  [K in E]: { type: K; payload: EventPayloads[K] };
}[E];

/** An event read back from the outbox, with the row's id. */
export type StoredEvent<E extends EventType = EventType> = EventOf<E> & { id: string };

const EVENT_TYPES: Record<EventType, true> = {
  'suspension.noticed': true,
  'appeal.received': true,
  'appeal.info_requested': true,
  'appeal.info_reminder': true,
  'appeal.decided': true,
  'appeal.reopened': true,
  'refund.approved': true,
  'refund.paid': true,
  'refund.failed': true,
  'suspension.lifted': true,
  'detector.flagged': true,
  'detector.cleared': true,
  'sla.breached': true,
  'refund.payout_requested': true,
  'wave.bulk_decision_requested': true,
  'notification.redeliver': true,
  'access_link.requested': true,
  'dsa.statements_published': true,
  'wave.flag_changed': true,
};

export const isEventType = (type: unknown): type is EventType =>
  typeof type === 'string' && Object.hasOwn(EVENT_TYPES, type);

/**
 * An outbox row or job as an event of the contract. Only the outbox writes these rows, from a typed
 * message, so the type is checked and the payload taken as that type's.
 */
export function storedEvent(id: string, type: unknown, payload: unknown): StoredEvent {
  if (!isEventType(type)) throw new Error(`event ${id} has an unknown type: ${String(type)}`);
  if (typeof payload !== 'object' || payload === null) throw new Error(`event ${id} has no payload`);
  return { id, type, payload } as StoredEvent;
}
