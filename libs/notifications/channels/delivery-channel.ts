import type { ClaimedDelivery, DeliveryChannelName } from '../persistence/notification-delivery.repository';

/** One way of reaching a recipient outside Redress. The in-app inbox needs none: its row is the delivery. */
export interface DeliveryChannel {
  readonly name: DeliveryChannelName;
  /** Resolves once the receiver accepted the notification; throws with a short reason when it did not. */
  send(delivery: ClaimedDelivery): Promise<void>;
}

/** A one-line reason for the delivery log, including the network cause fetch and sockets hide in `cause`. */
export function describeFailure(error: unknown): string {
  const err = error as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const message = typeof err?.message === 'string' ? err.message : String(error);
  const cause = err?.cause?.code ?? err?.cause?.message;
  return (typeof cause === 'string' && !message.includes(cause) ? `${message}: ${cause}` : message).slice(
    0,
    500,
  );
}
