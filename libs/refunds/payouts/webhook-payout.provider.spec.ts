import { verifiesWithStandardWebhooks, verifiesWithStripe } from '@redress/testing/webhook-verifiers';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PayoutUnavailableError } from './payout-provider';
import { WebhookPayoutProvider } from './webhook-payout.provider';

describe('WebhookPayoutProvider', () => {
  let server: Server;
  let answer: { status: number; body: string } | 'hang' = { status: 200, body: '{}' };
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  const request = {
    refundId: '2b0c6f0e-5d6a-4a43-9c9e-0d6f3f1a2b3c',
    suspensionId: '7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    accountId: 'acct_1',
    amount: { amountMinor: 500, currency: 'USD' },
  };
  const provider = (timeoutMs?: number) =>
    new WebhookPayoutProvider(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/pay`,
      ['old-s3cret', 'new-s3cret'],
      '1.2.3',
      timeoutMs,
    );

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        if (answer !== 'hang') res.writeHead(answer.status).end(answer.body);
      });
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('signs the body and sends the refund id as Idempotency-Key; 2xx is paid with the reference', async () => {
    answer = { status: 201, body: JSON.stringify({ reference: 'PAY-9' }) };
    await expect(provider().pay(request)).resolves.toEqual({ kind: 'paid', providerRef: 'PAY-9' });
    const { headers, body } = seen[seen.length - 1];
    expect(JSON.parse(body)).toEqual(request);
    expect(headers['idempotency-key']).toBe(request.refundId);
    // both secrets of a rotation sign, in both schemes; the refund id names the call
    for (const secret of ['old-s3cret', 'new-s3cret']) {
      expect(verifiesWithStripe(body, String(headers['redress-signature']), secret)).toBe(true);
      expect(verifiesWithStandardWebhooks(body, headers, secret)).toBe(true);
    }
    expect(headers['webhook-id']).toBe(request.refundId);
    expect(headers['redress-event-id']).toBe(request.refundId);
    expect(headers['user-agent']).toBe('Redress-Webhooks/1.2.3');
  });

  it('a 2xx without a reference is still paid', async () => {
    answer = { status: 200, body: 'ok' };
    await expect(provider().pay(request)).resolves.toEqual({ kind: 'paid', providerRef: null });
  });

  it('4xx is a refusal with the provider’s reason', async () => {
    answer = { status: 422, body: JSON.stringify({ reason: 'IBAN invalid' }) };
    await expect(provider().pay(request)).resolves.toEqual({
      kind: 'refused',
      reason: 'provider answered 422: IBAN invalid',
    });
  });

  it.each([500, 503, 429, 408])('%s means try again later', async (status) => {
    answer = { status, body: '' };
    await expect(provider().pay(request)).rejects.toBeInstanceOf(PayoutUnavailableError);
  });

  it('a provider that does not answer in time, or cannot be reached, means try again later', async () => {
    answer = 'hang';
    await expect(provider(100).pay(request)).rejects.toBeInstanceOf(PayoutUnavailableError);
    const closed = new WebhookPayoutProvider('http://127.0.0.1:1/pay', ['s3cret'], '1.2.3');
    await expect(closed.pay(request)).rejects.toBeInstanceOf(PayoutUnavailableError);
  });
});
