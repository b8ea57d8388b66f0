import { AppProcess, eventually, TestApp } from '@redress/testing';
import { entriesOf, FakePayoutProvider, propose, refundRow, suspend } from './refunds-support';

describe('Payouts: a worker killed in the middle of a payout', () => {
  let app: TestApp;
  let provider: FakePayoutProvider;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    provider = await FakePayoutProvider.start();
    // The API runs here; the first worker runs as its own process so that it can be SIGKILLed.
    app = await TestApp.start('refunds_crash', { worker: false, env: provider.env() });
  });
  afterAll(async () => {
    await worker?.kill();
    await app.close();
    await provider.close();
  });

  it('pays exactly once: the provider took the money, the worker died before recording it', async () => {
    const { id: suspensionId, accountId } = await suspend(app, 6000);
    const { body } = await propose(app, suspensionId, 6000).expect(201);
    provider.answer('hang');
    await app.http.post(`/v1/refunds/${body.id}/approve`).set(app.bearer('fin_1', 'finance')).expect(200);

    worker = await AppProcess.start('worker', app.env);
    await eventually(
      async () => provider.requestsFor(body.id).length === 1,
      30000,
      'the first payout request',
    );
    await worker.kill();
    provider.payHeldAndDrop();
    expect((await refundRow(app, body.id)).status).toBe('processing');
    expect(await entriesOf(app, body.id, 'refund_paid')).toBe(0);

    await app.startWorker();
    await eventually(
      async () => (await refundRow(app, body.id)).status === 'paid',
      45000,
      'the payout after restart',
    );

    const requests = provider.requestsFor(body.id);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(requests.every((r) => r.idempotencyKey === body.id && r.signatureValid)).toBe(true);
    expect(provider.payments.size).toBe(1);
    expect((await refundRow(app, body.id)).provider_ref).toBe(provider.payments.get(body.id));
    expect(await entriesOf(app, body.id, 'refund_paid')).toBe(1);
    const [{ n }] = await app.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_events WHERE entity_id = $1 AND action = 'refund.paid'`,
      [body.id],
    );
    expect(n).toBe('1');
    const ledger = await app.http
      .get(`/v1/ledger?accountId=${accountId}`)
      .set(app.bearer('fin_1', 'finance'))
      .expect(200);
    expect(ledger.body.balances).toEqual(
      expect.arrayContaining([
        { book: 'customer_frozen', accountId, currency: 'USD', amountMinor: 0 },
        { book: 'refund_payable', accountId, currency: 'USD', amountMinor: 0 },
      ]),
    );
  }, 90000);
});
