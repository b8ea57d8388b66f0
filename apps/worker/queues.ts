/** BullMQ queue names. Bulk notices (ban waves) have their own queue so single notices never wait behind them. */
export const EVENTS_QUEUE = 'events';
export const BULK_EVENTS_QUEUE = 'events-bulk';

export const queueForLane = (lane: string): string => (lane === 'bulk' ? BULK_EVENTS_QUEUE : EVENTS_QUEUE);

export interface EventJobData {
  outboxId: string;
  type: string;
  payload: Record<string, unknown>;
  requestId: string | null;
}
