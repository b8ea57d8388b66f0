import { webhookSignatureHeaders, webhookUserAgent } from '@redress/kernel';
import { traceHeaders } from '@redress/observability';
import {
  PayoutProvider,
  PayoutUnavailableError,
  type PayoutOutcome,
  type PayoutRequest,
} from './payout-provider';

/** Below the worker's 10 s shutdown budget, so a SIGTERM never waits on a hanging provider. */
export const PAYOUT_TIMEOUT_MS = 8000;

/** Statuses in the 4xx range that mean "not now" rather than "no". */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 409, 425, 429]);

/**
 * POSTs a signed payout request. `Idempotency-Key: <refund id>` lets the provider pay each refund once
 * however often it is asked; 2xx → paid with the returned reference, other 4xx → refused with the
 * provider's reason, 5xx, timeouts and network errors → PayoutUnavailableError (retried).
 */
export class WebhookPayoutProvider extends PayoutProvider {
  readonly name = 'webhook';
  readonly automatic = true;

  constructor(
    private readonly url: string,
    private readonly secrets: readonly string[],
    private readonly version: string,
    private readonly timeoutMs = PAYOUT_TIMEOUT_MS,
  ) {
    super();
  }

  async pay(request: PayoutRequest): Promise<PayoutOutcome> {
    const body = JSON.stringify({
      refundId: request.refundId,
      suspensionId: request.suspensionId,
      accountId: request.accountId,
      amount: { amountMinor: request.amount.amountMinor, currency: request.amount.currency },
    });
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': webhookUserAgent(this.version),
          'Idempotency-Key': request.refundId,
          // a payout call has no event: the refund id names it, for de-duplication as for signing
          'Redress-Event-Id': request.refundId,
          ...webhookSignatureHeaders({ id: request.refundId, body, secrets: this.secrets }),
          // the provider may continue the trace of the approval that requested the payout
          ...traceHeaders(),
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new PayoutUnavailableError(`payout provider unreachable: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { kind: 'paid', providerRef: referenceIn(text) };
    if (response.status >= 500 || response.status < 400 || RETRYABLE_CLIENT_STATUSES.has(response.status)) {
      throw new PayoutUnavailableError(`payout provider answered ${response.status}`);
    }
    return { kind: 'refused', reason: `provider answered ${response.status}: ${reasonIn(text)}` };
  }
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function referenceIn(text: string): string | null {
  const json = parse(text);
  const ref = json?.reference ?? json?.providerRef ?? json?.id;
  return typeof ref === 'string' && ref.length > 0 ? ref.slice(0, 255) : null;
}

function reasonIn(text: string): string {
  const json = parse(text);
  const reason = json?.reason ?? json?.detail ?? json?.message ?? json?.error;
  const raw = typeof reason === 'string' ? reason : text;
  return raw.trim().slice(0, 500) || 'no reason given';
}
