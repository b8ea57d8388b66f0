import { retryDelayMs } from '@redress/notifications';

/** The backoff type of delivery jobs: the delay is the one the delivery log recorded for the next attempt. */
export const DELIVERY_BACKOFF = 'delivery-log';

/** Thrown by the deliveries processor after a failed attempt was recorded, to have BullMQ retry it. */
export class RetryDeliveryLater extends Error {
  constructor(
    readonly retryInMs: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'RetryDeliveryLater';
  }
}

/** For anything else that failed (the database, say), plain exponential backoff from one second. */
const UNEXPECTED_FAILURE_BASE_MS = 1000;

export function deliveryBackoff(attemptsMade: number, _type?: string, error?: Error): number {
  const retryInMs = (error as Partial<RetryDeliveryLater> | undefined)?.retryInMs;
  return typeof retryInMs === 'number' ? retryInMs : retryDelayMs(attemptsMade, UNEXPECTED_FAILURE_BASE_MS);
}
