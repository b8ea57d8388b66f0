import type { Money } from '@redress/kernel';

export interface PayoutRequest {
  refundId: string;
  suspensionId: string;
  accountId: string;
  amount: Money;
}

/** A definite answer from the provider: paid (with its reference) or refused (with its reason). */
export type PayoutOutcome =
  { kind: 'paid'; providerRef: string | null } | { kind: 'refused'; reason: string };

/** The provider could not be reached or answered "try again later": retry with backoff, never fail. */
export class PayoutUnavailableError extends Error {
  override readonly name = 'PayoutUnavailableError';
}

/** How approved refunds reach people (PAYOUT_PROVIDER). */
export abstract class PayoutProvider {
  abstract readonly name: 'manual' | 'webhook';
  /** False when a person pays outside Redress and records it with mark-paid. */
  abstract readonly automatic: boolean;
  /**
   * Must be safe to call again for the same refund: a worker that dies after sending cannot know
   * whether the money left, so it asks again and relies on the provider's idempotency.
   */
  abstract pay(request: PayoutRequest): Promise<PayoutOutcome>;
}
