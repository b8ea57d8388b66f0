import { verifiesWithStandardWebhooks, verifiesWithStripe } from '@redress/testing/webhook-verifiers';
import { suspensionRequest, type TestApp } from '@redress/testing';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export const PAYOUT_SECRET = 'payout-secret-for-tests';

export interface ReceivedPayout {
  idempotencyKey: string | undefined;
  signatureValid: boolean;
  body: {
    refundId: string;
    suspensionId: string;
    accountId: string;
    amount: { amountMinor: number; currency: string };
  };
}

/** What the provider does with the next request: answer with a status, or hold it unanswered. */
export type ProviderStep = { status: number; body?: Record<string, unknown> } | 'hang';

/**
 * A payout provider over real HTTP, the way a payment provider behaves: it verifies the signature,
 * and pays each Idempotency-Key at most once (a repeated key gets the first payment's reference).
 * Tests script answers per request; once the script is used up it pays.
 */
export class FakePayoutProvider {
  readonly received: ReceivedPayout[] = [];
  /** Idempotency-Key → reference of the one payment made for it. */
  readonly payments = new Map<string, string>();
  private script: ProviderStep[] = [];
  private readonly held: ServerResponse[] = [];
  private server?: Server;

  static async start(): Promise<FakePayoutProvider> {
    const provider = new FakePayoutProvider();
    provider.server = createServer((req, res) => void provider.handle(req, res));
    provider.server.listen(0, '127.0.0.1');
    await once(provider.server, 'listening');
    return provider;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/payouts`;
  }

  env(): Record<string, string> {
    return { PAYOUT_PROVIDER: 'webhook', PAYOUT_WEBHOOK_URL: this.url, PAYOUT_WEBHOOK_SECRET: PAYOUT_SECRET };
  }

  answer(...steps: ProviderStep[]): void {
    this.script.push(...steps);
  }

  requestsFor(refundId: string): ReceivedPayout[] {
    return this.received.filter((r) => r.body.refundId === refundId);
  }

  /** The provider took the money for a held request, but its answer never reaches the caller. */
  payHeldAndDrop(): void {
    for (const res of this.held.splice(0)) res.destroy();
  }

  async close(): Promise<void> {
    this.payHeldAndDrop();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const key = req.headers['idempotency-key'] as string | undefined;
    const signature = (req.headers['redress-signature'] as string | undefined) ?? '';
    this.received.push({
      idempotencyKey: key,
      signatureValid:
        verifiesWithStripe(raw, signature, PAYOUT_SECRET) &&
        verifiesWithStandardWebhooks(raw, req.headers, PAYOUT_SECRET),
      body: JSON.parse(raw),
    });
    const step = this.script.shift() ?? { status: 200 };
    if (step === 'hang' || step.status < 300) this.pay(key);
    if (step === 'hang') {
      this.held.push(res);
      return;
    }
    const body = step.status < 300 ? { reference: this.payments.get(key ?? '') } : (step.body ?? {});
    res.writeHead(step.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  private pay(key: string | undefined): void {
    if (key && !this.payments.has(key))
      this.payments.set(key, `PAY-${this.payments.size + 1}-${key.slice(0, 8)}`);
  }
}

/** Creates a suspension with a frozen balance and returns its id and account. */
export async function suspend(
  app: TestApp,
  amountMinor = 12500,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; accountId: string }> {
  const body = suspensionRequest({ frozenBalance: { amountMinor, currency: 'USD' }, ...overrides });
  const res = await app.http
    .post('/v1/suspensions')
    .set(app.bearer('enforcer_1', 'enforcement'))
    .send(body)
    .expect(201);
  return { id: res.body.id, accountId: body.accountId as string };
}

export function propose(app: TestApp, suspensionId: string, amountMinor: number, sub = 'rev_1') {
  return app.http
    .post('/v1/refunds')
    .set(app.bearer(sub, 'reviewer'))
    .send({ suspensionId, amountMinor, reason: 'Overturned: the detector misfired' });
}

export async function refundRow(app: TestApp, id: string) {
  const [row] = await app.query<{
    status: string;
    provider_ref: string | null;
    failure_reason: string | null;
  }>('SELECT status, provider_ref, failure_reason FROM refunds WHERE id = $1', [id]);
  return row;
}

export async function entriesOf(app: TestApp, refundId: string, kind: string): Promise<number> {
  const [{ n }] = await app.query<{ n: string }>(
    'SELECT count(*) AS n FROM ledger_entries WHERE refund_id = $1 AND kind = $2',
    [refundId, kind],
  );
  return Number(n);
}
