import type { Money } from '@redress/kernel';
import type { Locale, ReasonCode } from '@redress/suspensions';

/** The events of SPEC §6, each with a subject, text and HTML template per locale. */
export const NOTIFICATION_EVENTS = [
  'suspension.noticed',
  'appeal.received',
  'appeal.info_requested',
  'appeal.info_reminder',
  'appeal.decided',
  'appeal.reopened',
  'refund.approved',
  'refund.paid',
  'refund.failed',
  'suspension.lifted',
  'sla.breached',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

// The suspension's own vocabulary: a notice speaks of the reason codes and locales a suspension has.
export { LOCALES, REASON_CODES, type Locale, type ReasonCode } from '@redress/suspensions';
export const DEFAULT_LOCALE: Locale = 'en';

export type DecisionOutcome = 'upheld' | 'overturned' | 'modified';

/**
 * Times are ISO-8601 UTC strings; money is integer minor units. Optional fields may be left out (omit a
 * zero Money rather than passing amountMinor 0). No field is named like a template helper (money, date,
 * reason, yesno, eq), hence `reopenReason` and `liftReason`.
 */
export interface NotificationDataByEvent {
  'suspension.noticed': {
    suspensionId: string;
    reasonCode: ReasonCode;
    statementOfReasons: string;
    policyClause: string;
    automatedDetection: boolean;
    automatedDecision: boolean;
    frozenBalance: Money;
    suspendedAt: string;
    appealDeadline: string;
    /** Where to file the appeal; without it the notice explains the API route. */
    appealUrl?: string;
  };
  'appeal.received': {
    appealId: string;
    suspensionId: string;
    submittedAt: string;
    decisionDueAt: string;
    appealUrl?: string;
  };
  'appeal.info_requested': {
    appealId: string;
    /** The reviewer's question to the appellant. */
    message: string;
    infoDueAt: string;
    appealUrl?: string;
  };
  'appeal.info_reminder': {
    appealId: string;
    /** The reviewer's original question, if it should be repeated. */
    message?: string;
    infoDueAt: string;
    appealUrl?: string;
  };
  'appeal.decided': {
    appealId: string;
    suspensionId: string;
    outcome: DecisionOutcome;
    rationale: string;
    decidedAt: string;
    /** Frozen balance released back to the account (overturned / modified). */
    releasedBalance?: Money;
    /** Refund proposed with the decision, paid after finance approval. */
    refund?: Money;
    odsBodyName: string;
    odsBodyUrl: string;
  };
  'appeal.reopened': {
    appealId: string;
    suspensionId: string;
    reopenReason: string;
    reopenedAt: string;
    appealUrl?: string;
  };
  'refund.approved': {
    refundId: string;
    suspensionId: string;
    amount: Money;
    approvedAt: string;
  };
  'refund.paid': {
    refundId: string;
    suspensionId: string;
    amount: Money;
    paidAt: string;
    providerRef?: string;
  };
  'refund.failed': {
    refundId: string;
    suspensionId: string;
    amount: Money;
    failureReason?: string;
  };
  'suspension.lifted': {
    suspensionId: string;
    accountId: string;
    liftedAt: string;
    liftReason: string;
    releasedBalance?: Money;
  };
  'sla.breached': {
    appealId: string;
    suspensionId: string;
    level: 1 | 2;
    priority: number;
    decisionDueAt: string;
    assigneeId?: string;
    reviewUrl?: string;
  };
}

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
}
