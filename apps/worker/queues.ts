import { isEventType, type EventType } from '@redress/kernel';
import {
  BULK_EVENTS_QUEUE,
  BULK_JOBS_QUEUE,
  DSA_SUBMISSIONS_QUEUE,
  EVENTS_QUEUE,
  PAYOUTS_QUEUE,
} from '@redress/redis';

export {
  BULK_EVENTS_QUEUE,
  BULK_JOBS_QUEUE,
  DELIVERIES_QUEUE,
  DSA_SUBMISSIONS_QUEUE,
  EVENTS_QUEUE,
  PAYOUTS_QUEUE,
} from '@redress/redis';

export const queueForLane = (lane: string): string => (lane === 'bulk' ? BULK_EVENTS_QUEUE : EVENTS_QUEUE);

/** Outbox types that are work for a processor rather than notices to deliver. */
const QUEUE_BY_TYPE: Partial<Record<EventType, string>> = {
  'refund.payout_requested': PAYOUTS_QUEUE,
  'wave.bulk_decision_requested': BULK_JOBS_QUEUE,
  'dsa.statements_published': DSA_SUBMISSIONS_QUEUE,
};

export const queueForMessage = (m: { type: string; lane: string }): string =>
  (isEventType(m.type) && QUEUE_BY_TYPE[m.type]) || queueForLane(m.lane);

export interface EventJobData {
  outboxId: string;
  type: string;
  payload: Record<string, unknown>;
  requestId: string | null;
  /** The relay's span, which the processor continues (absent when tracing is off). */
  traceparent?: string | null;
}

/** `items` in runs of `size` (the last one shorter): a bulk job's share of a wave. */
export const inChunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Bulk-lane events a job: a wave's notices are dispatched 50 to a statement, not one by one. */
export const BULK_EVENTS_CHUNK = 50;

/** A bulk-lane job: a chunk of events, dispatched together (a ban wave's notices). */
export interface BulkEventJobData {
  events: EventJobData[];
}

/** One notification, or a bulk chunk of them, and the dispatch's span that the delivery continues. */
export type DeliveryJobData = ({ notificationId: string } | { notificationIds: string[] }) & {
  traceparent?: string | null;
};
