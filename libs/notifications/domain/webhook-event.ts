import { isEventType, type EventPayloads, type EventType } from '@redress/kernel';

/** The JSON body of every Redress webhook. `id` is the event id, the same on every retry. */
export interface WebhookEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/** A breaker's judgement is all figures about a detector, no person's data: the platform gets every one. */
const DETECTOR_FACTS = [
  'detector',
  'threshold',
  'estimate',
  'lowerBound',
  'upperBound',
  'suspensions',
  'appealsDecided',
  'appealsOverturned',
  'samplesDecided',
  'samplesOverturned',
  'judgedAt',
] as const satisfies readonly (keyof EventPayloads['detector.flagged'])[];

/**
 * Facts a receiver may act on without calling back, per event. Everything else (statements, rationales,
 * reviewer messages) stays behind the API, and contact data such as the account's e-mail is never sent.
 */
const FACTS: { [E in EventType]?: readonly (keyof EventPayloads[E])[] } = {
  'suspension.noticed': [
    'reasonCode',
    'automatedDetection',
    'automatedDecision',
    'frozenBalance',
    'appealDeadline',
  ],
  'appeal.received': ['submittedAt', 'decisionDueAt'],
  'appeal.info_requested': ['infoDueAt'],
  'appeal.info_reminder': ['infoDueAt'],
  'appeal.decided': ['outcome', 'decidedAt', 'releasedBalance', 'refund', 'origin'],
  'appeal.reopened': ['reopenedAt'],
  'refund.approved': ['amount', 'approvedAt'],
  'refund.paid': ['amount', 'paidAt', 'providerRef'],
  'refund.failed': ['amount'],
  'suspension.lifted': ['externalRef', 'liftedAt', 'releasedBalance'],
  'sla.breached': ['level', 'priority', 'decisionDueAt'],
  'detector.flagged': DETECTOR_FACTS,
  'detector.cleared': DETECTOR_FACTS,
};

/** Names every object the event concerns (`suspensionId`, `appealId`, `refundId`, `accountId`, …). */
export function webhookEvent(
  event: { id: string; type: string; createdAt: Date },
  payload: Record<string, unknown>,
): WebhookEvent {
  const facts = new Set<string>((isEventType(event.type) && FACTS[event.type]) || []);
  const data = Object.fromEntries(
    Object.entries(payload).filter(
      ([key, value]) =>
        value !== undefined &&
        value !== null &&
        ((key.endsWith('Id') && typeof value === 'string') || facts.has(key)),
    ),
  );
  return { id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data };
}
