import { BULK_DECISION_REQUESTED } from '@redress/appeals';
import { PAYOUT_REQUESTED } from '@redress/refunds';

/** BullMQ queue names. Bulk notices (ban waves) have their own queue so single notices never wait behind them. */
export const EVENTS_QUEUE = 'events';
export const BULK_EVENTS_QUEUE = 'events-bulk';

export const queueForLane = (lane: string): string => (lane === 'bulk' ? BULK_EVENTS_QUEUE : EVENTS_QUEUE);

/** Payout requests go to the payouts worker (libs/refunds), never to notifications. */
export const PAYOUTS_QUEUE = 'payouts';
/** Wave-wide decisions run as long, chunked jobs of their own. */
export const BULK_JOBS_QUEUE = 'bulk-jobs';

/** Outbox types that are work for a processor rather than notices to deliver. */
const QUEUE_BY_TYPE: Record<string, string> = {
  [PAYOUT_REQUESTED]: PAYOUTS_QUEUE,
  [BULK_DECISION_REQUESTED]: BULK_JOBS_QUEUE,
};

export const queueForMessage = (m: { type: string; lane: string }): string =>
  QUEUE_BY_TYPE[m.type] ?? queueForLane(m.lane);

export interface EventJobData {
  outboxId: string;
  type: string;
  payload: Record<string, unknown>;
  requestId: string | null;
}

/** E-mail and webhook delivery attempts; job id = notification id, so queueing one twice is a no-op. */
export const DELIVERIES_QUEUE = 'deliveries';

export interface DeliveryJobData {
  notificationId: string;
}
