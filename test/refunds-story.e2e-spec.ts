import { act, eventually, suspendAndAppeal, TestApp } from '@redress/testing';
import { entriesOf, FakePayoutProvider, propose, refundRow, suspend } from './refunds-support';

describe('Refunds: a frozen balance goes back to the person, through four eyes, a webhook payout and the ledger', () => {
  let app: TestApp;
  let provider: FakePayoutProvider;
  const finance = (sub = 'fin_1') => app.bearer(sub, 'finance');

  beforeAll(async () => {
    provider = await FakePayoutProvider.start();
    app = await TestApp.start('refunds_story', { env: provider.env() });
  });
  afterAll(async () => {
    await app.close();
    await provider.close();
  });

  const paid = (id: string) =>
    eventually(async () => (await refundRow(app, id)).status === 'paid', 20000, `refund ${id} paid`);

  it('full story: propose → approve → signed webhook payout → paid → ledger books → CSV row', async () => {
    const { id: suspensionId, accountId } = await suspend(app, 12500);
    const owner = app.bearer(accountId, 'appellant');

    const proposed = await app.http
      .post('/v1/refunds')
      .set(app.bearer('rev_1', 'reviewer'))
      .set('Idempotency-Key', `propose-${suspensionId}`)
      .send({ suspensionId, amountMinor: 8000, reason: 'Overturned: the VPN detector misfired' })
      .expect(201);
    expect(proposed.headers.etag).toBe('"1"');
    expect(proposed.body).toMatchObject({
      suspensionId,
      accountId,
      amount: { amountMinor: 8000, currency: 'USD' },
      status: 'proposed',
      proposedBy: 'rev_1',
      approvedBy: null,
    });
    const refundId = proposed.body.id as string;

    const listed = await app.http.get('/v1/refunds?status=proposed').set(finance()).expect(200);
    expect(listed.body.data.map((r: { id: string }) => r.id)).toContain(refundId);

    const approved = await app.http
      .post(`/v1/refunds/${refundId}/approve`)
      .set(finance())
      .set('If-Match', '"1"')
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'fin_1', version: 2 });
    expect(approved.headers.etag).toBe('"2"');

    await paid(refundId);
    const [request] = provider.requestsFor(refundId);
    expect(provider.requestsFor(refundId)).toHaveLength(1);
    expect(request.idempotencyKey).toBe(refundId);
    expect(request.signatureValid).toBe(true);
    expect(request.body).toEqual({
      refundId,
      suspensionId,
      accountId,
      amount: { amountMinor: 8000, currency: 'USD' },
    });
    const reference = provider.payments.get(refundId);
    const view = await app.http.get(`/v1/refunds/${refundId}`).set(finance()).expect(200);
    expect(view.body).toMatchObject({ status: 'paid', providerRef: reference, paidAt: expect.any(String) });

    // books: 12,500 frozen, 8,000 approved and paid out, 4,500 still held
    const ledger = await app.http.get(`/v1/ledger?accountId=${accountId}`).set(finance()).expect(200);
    expect(ledger.body.balances).toEqual(
      expect.arrayContaining([
        { book: 'customer_frozen', accountId, currency: 'USD', amountMinor: 4500 },
        { book: 'refund_payable', accountId, currency: 'USD', amountMinor: 0 },
      ]),
    );
    expect(ledger.body.data.map((e: { kind: string }) => e.kind)).toEqual([
      'refund_paid',
      'refund_approved',
      'freeze',
    ]);
    for (const entry of ledger.body.data as { legs: { amountMinor: number }[] }[]) {
      expect(entry.legs.reduce((sum, leg) => sum + leg.amountMinor, 0)).toBe(0);
    }
    expect(ledger.body.data[0]).toMatchObject({
      refundId,
      suspensionId,
      legs: [
        { book: 'refund_payable', accountId, amountMinor: -8000 },
        { book: 'paid_out', accountId: null, amountMinor: 8000 },
      ],
    });
    const totals = await app.http.get('/v1/ledger').set(app.bearer('admin_1', 'admin')).expect(200);
    const total = (book: string) =>
      totals.body.balances.find(
        (b: { book: string; currency: string }) => b.book === book && b.currency === 'USD',
      )?.amountMinor;
    expect(total('paid_out')).toBeGreaterThanOrEqual(8000);
    expect(
      ['customer_frozen', 'refund_payable', 'platform_balance', 'paid_out'].reduce(
        (s, b) => s + (total(b) ?? 0),
        0,
      ),
    ).toBe(0);

    const csv = await app.http
      .get('/v1/finance/reconciliation.csv')
      .query({
        from: new Date(Date.now() - 3_600_000).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
      })
      .set(finance())
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe(
      'refund_id,suspension_id,account_id,amount_minor,currency,provider_ref,approved_by,paid_at',
    );
    const row = lines.find((l) => l.startsWith(refundId))!.split(',');
    expect(row).toEqual([
      refundId,
      suspensionId,
      accountId,
      '8000',
      'USD',
      reference,
      'fin_1',
      view.body.paidAt,
    ]);

    // the appellant hears of the approval and the payment, and sees the refund (without staff names)
    const notices = await eventually(async () => {
      const res = await app.http.get('/v1/me/notifications').set(owner).expect(200);
      const templates = res.body.data.map((n: { template: string }) => n.template);
      return templates.includes('refund.paid') && templates.includes('refund.approved') ? templates : null;
    });
    expect(notices).not.toContain('refund.payout_requested');
    const mine = await app.http.get('/v1/me/refunds').set(owner).expect(200);
    expect(mine.body.data).toEqual([
      expect.objectContaining({
        id: refundId,
        status: 'paid',
        amount: { amountMinor: 8000, currency: 'USD' },
      }),
    ]);
    expect(mine.body.data[0]).not.toHaveProperty('proposedBy');
    expect(mine.body.data[0]).not.toHaveProperty('approvedBy');
    const history = await app.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'refund' AND entity_id = $1 ORDER BY seq`,
      [refundId],
    );
    expect(history.map((h) => h.action)).toEqual([
      'refund.proposed',
      'refund.approved',
      'refund.payout_started',
      'refund.paid',
    ]);
  });

  it('an upheld decision with a refund: proposed in the decision, approved by finance, paid', async () => {
    const { appealId, suspensionId, accountId } = await suspendAndAppeal(app);
    await act(app, appealId, 'claim', ['rev_3', 'reviewer']);
    await act(app, appealId, 'decision', ['rev_3', 'reviewer'], {
      outcome: 'upheld',
      rationale: 'The extraction was real, but the prepaid balance was bought in good faith.',
      refund: { amountMinor: 10000 },
    });
    const [refund] = (
      await app.http.get(`/v1/refunds?suspensionId=${suspensionId}`).set(finance()).expect(200)
    ).body.data;
    expect(refund).toMatchObject({
      appealId,
      status: 'proposed',
      proposedBy: 'rev_3',
      amount: { amountMinor: 10000 },
    });
    await app.http
      .post(`/v1/refunds/${refund.id}/approve`)
      .set(app.bearer('rev_3', 'reviewer', 'finance'))
      .expect(403);
    await app.http.post(`/v1/refunds/${refund.id}/approve`).set(finance()).expect(200);
    await paid(refund.id);
    const ledger = await app.http.get(`/v1/ledger?accountId=${accountId}`).set(finance()).expect(200);
    expect(ledger.body.balances).toContainEqual({
      book: 'customer_frozen',
      accountId,
      currency: 'USD',
      amountMinor: 2500,
    });
  });

  it('four-eyes: a principal holding reviewer and finance cannot approve its own proposal', async () => {
    const { id: suspensionId } = await suspend(app, 5000);
    const both = app.bearer('rev_fin_1', 'reviewer', 'finance');
    const proposed = await app.http
      .post('/v1/refunds')
      .set(both)
      .send({ suspensionId, amountMinor: 5000, reason: 'Goodwill refund' })
      .expect(201);
    const refused = await app.http.post(`/v1/refunds/${proposed.body.id}/approve`).set(both).expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('four_eyes_required');
    expect((await refundRow(app, proposed.body.id)).status).toBe('proposed');
    // reviewers cannot approve at all; another finance principal can
    await app.http
      .post(`/v1/refunds/${proposed.body.id}/approve`)
      .set(app.bearer('rev_2', 'reviewer'))
      .expect(403);
    await app.http.post(`/v1/refunds/${proposed.body.id}/approve`).set(finance('fin_2')).expect(200);
    await paid(proposed.body.id);
  });

  it('four-eyes compares case-folded subjects: DUAL_1 cannot approve what dual_1 proposed', async () => {
    const { id: suspensionId } = await suspend(app, 5000);
    const proposed = await app.http
      .post('/v1/refunds')
      .set(app.bearer('dual_1', 'reviewer'))
      .send({ suspensionId, amountMinor: 5000, reason: 'Goodwill refund' })
      .expect(201);
    for (const variant of ['DUAL_1', 'Dual_1']) {
      const refused = await app.http
        .post(`/v1/refunds/${proposed.body.id}/approve`)
        .set(finance(variant))
        .expect(403);
      expect(refused.body.code).toBe('four_eyes_required');
    }
    expect((await refundRow(app, proposed.body.id)).status).toBe('proposed');
    await app.http.post(`/v1/refunds/${proposed.body.id}/approve`).set(finance('dual_2')).expect(200);
  });

  it('answers 422 refund_exceeds_balance above the refundable amount, and 404 for an unknown suspension', async () => {
    const { id: suspensionId } = await suspend(app, 3000);
    const over = await propose(app, suspensionId, 3001).expect(422);
    expect(over.body.code).toBe('refund_exceeds_balance');
    await propose(app, suspensionId, 3000).expect(201);
    expect((await propose(app, suspensionId, 1).expect(422)).body.code).toBe('refund_exceeds_balance');
    await propose(app, '00000000-0000-4000-8000-000000000000', 1).expect(404);
    const invalid = await propose(app, suspensionId, 0).expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toContain('amountMinor');
  });

  it('two finance users approving at once: one approval, one payout', async () => {
    const { id: suspensionId } = await suspend(app, 4000);
    const { body } = await propose(app, suspensionId, 4000).expect(201);
    const answers = await Promise.all(
      ['fin_a', 'fin_b'].map((sub) => app.http.post(`/v1/refunds/${body.id}/approve`).set(finance(sub))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('invalid_transition');
    await paid(body.id);
    expect(provider.requestsFor(body.id)).toHaveLength(1);
    expect(await entriesOf(app, body.id, 'refund_approved')).toBe(1);
    expect(await entriesOf(app, body.id, 'refund_paid')).toBe(1);
    const [{ n }] = await app.query<{ n: string }>(
      `SELECT count(*) AS n FROM outbox_messages WHERE type = 'refund.payout_requested' AND payload->>'refundId' = $1`,
      [body.id],
    );
    expect(n).toBe('1');
  });

  it('provider answers 500 twice, then 200: retried with backoff, paid once', async () => {
    const { id: suspensionId } = await suspend(app, 2000);
    const { body } = await propose(app, suspensionId, 2000).expect(201);
    provider.answer({ status: 500 }, { status: 503 });
    await app.http.post(`/v1/refunds/${body.id}/approve`).set(finance()).expect(200);
    await paid(body.id);
    const requests = provider.requestsFor(body.id);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.idempotencyKey))).toEqual(new Set([body.id]));
    expect(await entriesOf(app, body.id, 'refund_paid')).toBe(1);
    expect((await refundRow(app, body.id)).provider_ref).toBe(provider.payments.get(body.id));
  });

  it('provider answers 400: the refund fails with the reason, the person is told, and a retry pays it', async () => {
    const { id: suspensionId, accountId } = await suspend(app, 2500);
    const { body } = await propose(app, suspensionId, 2500).expect(201);
    provider.answer({ status: 400, body: { reason: 'beneficiary account closed' } });
    await app.http.post(`/v1/refunds/${body.id}/approve`).set(finance()).expect(200);
    const failed = await eventually(async () => {
      const row = await refundRow(app, body.id);
      return row.status === 'failed' ? row : null;
    });
    expect(failed.failure_reason).toContain('beneficiary account closed');
    expect(await entriesOf(app, body.id, 'refund_paid')).toBe(0);
    await eventually(async () => {
      const res = await app.http.get('/v1/me/notifications').set(app.bearer(accountId, 'appellant'));
      return res.body.data.some((n: { template: string }) => n.template === 'refund.failed');
    });

    // still owed: the amount waits in refund_payable
    const ledger = await app.http.get(`/v1/ledger?accountId=${accountId}`).set(finance()).expect(200);
    expect(ledger.body.balances).toContainEqual({
      book: 'refund_payable',
      accountId,
      currency: 'USD',
      amountMinor: 2500,
    });

    const view = await app.http.get(`/v1/refunds/${body.id}`).set(finance()).expect(200);
    const stale = await app.http
      .post(`/v1/refunds/${body.id}/retry`)
      .set(finance())
      .set('If-Match', '"1"')
      .expect(412);
    expect(stale.body.code).toBe('version_mismatch');
    const retried = await app.http
      .post(`/v1/refunds/${body.id}/retry`)
      .set(finance())
      .set('If-Match', view.headers.etag)
      .expect(200);
    expect(retried.body.status).toBe('processing');
    await paid(body.id);
    expect(provider.requestsFor(body.id)).toHaveLength(2);
    expect(await entriesOf(app, body.id, 'refund_paid')).toBe(1);
    const again = await app.http.post(`/v1/refunds/${body.id}/retry`).set(finance()).expect(409);
    expect(again.body.code).toBe('invalid_transition');
  });

  it('refuses mark-paid while the webhook provider pays, and rejects proposals', async () => {
    const { id: suspensionId } = await suspend(app, 1000);
    const { body } = await propose(app, suspensionId, 400).expect(201);
    const manual = await app.http
      .post(`/v1/refunds/${body.id}/mark-paid`)
      .set(finance())
      .send({ providerRef: 'BANK-1' })
      .expect(409);
    expect(manual.body.code).toBe('invalid_transition');
    const rejected = await app.http
      .post(`/v1/refunds/${body.id}/reject`)
      .set(finance())
      .send({ reason: 'Promotional credit, not prepaid money' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectedBy: 'fin_1', version: 2 });
    await app.http.post(`/v1/refunds/${body.id}/approve`).set(finance('fin_2')).expect(409);
    // a rejected refund no longer claims the balance
    await propose(app, suspensionId, 1000).expect(201);
  });

  it('shows appellants their own refunds only: 404 on another person’s', async () => {
    const mine = await suspend(app, 700);
    const theirs = await suspend(app, 700);
    const { body: own } = await propose(app, mine.id, 700).expect(201);
    const { body: other } = await propose(app, theirs.id, 700).expect(201);
    const me = app.bearer(mine.accountId, 'appellant');
    const list = await app.http.get('/v1/me/refunds').set(me).expect(200);
    expect(list.body.data.map((r: { id: string }) => r.id)).toEqual([own.id]);
    const view = await app.http.get(`/v1/refunds/${own.id}`).set(me).expect(200);
    expect(view.body).not.toHaveProperty('reason');
    const hidden = await app.http.get(`/v1/refunds/${other.id}`).set(me).expect(404);
    expect(hidden.body.code).toBe('not_found');
    await app.http.get('/v1/refunds').set(me).expect(403);
    await app.http.get(`/v1/ledger?accountId=${mine.accountId}`).set(me).expect(403);
    await app.http.get('/v1/finance/reconciliation.csv').set(me).expect(403);
    await app.http
      .post('/v1/refunds')
      .set(me)
      .send({ suspensionId: mine.id, amountMinor: 1, reason: 'me' })
      .expect(403);
  });
});
