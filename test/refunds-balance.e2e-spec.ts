import { eventually, TestApp } from '@redress/testing';
import { entriesOf, propose, refundRow, suspend } from './refunds-support';

describe('Refunds and the ledger: balances hold under concurrency, the manual provider, lifts and the database’s own guards', () => {
  let app: TestApp;
  const finance = (sub = 'fin_1') => app.bearer(sub, 'finance');

  beforeAll(async () => {
    app = await TestApp.start('refunds_balance'); // PAYOUT_PROVIDER defaults to manual
  });
  afterAll(() => app.close());

  const books = async (accountId: string) => {
    const res = await app.http.get(`/v1/ledger?accountId=${accountId}`).set(finance()).expect(200);
    return Object.fromEntries(
      (res.body.balances as { book: string; amountMinor: number }[]).map((b) => [b.book, b.amountMinor]),
    );
  };

  it('10 concurrent proposals on one balance: the accepted ones never exceed it, the rest get 422', async () => {
    const { id: suspensionId } = await suspend(app, 12500);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => propose(app, suspensionId, 2000, `rev_${i}`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(6).fill(201), ...Array(4).fill(422)]);
    expect(
      answers.filter((a) => a.status === 422).every((a) => a.body.code === 'refund_exceeds_balance'),
    ).toBe(true);
    const [{ claimed }] = await app.query<{ claimed: string }>(
      `SELECT sum(amount_minor) AS claimed FROM refunds WHERE suspension_id = $1 AND status <> 'rejected'`,
      [suspensionId],
    );
    expect(Number(claimed)).toBe(12000);
  });

  it('manual provider: the worker moves an approved refund to processing, finance marks it paid once', async () => {
    const { id: suspensionId, accountId } = await suspend(app, 9000);
    const { body } = await propose(app, suspensionId, 9000).expect(201);
    await app.http.post(`/v1/refunds/${body.id}/approve`).set(finance()).expect(200);
    await eventually(async () => (await refundRow(app, body.id)).status === 'processing');
    expect(await books(accountId)).toEqual({ customer_frozen: 0, refund_payable: 9000 });

    const stale = await app.http
      .post(`/v1/refunds/${body.id}/mark-paid`)
      .set(finance('fin_2'))
      .set('If-Match', '"2"')
      .send({ providerRef: 'SEPA-000123' })
      .expect(412);
    expect(stale.body.code).toBe('version_mismatch');
    const paid = await app.http
      .post(`/v1/refunds/${body.id}/mark-paid`)
      .set(finance('fin_2'))
      .set('If-Match', '"3"')
      .send({ providerRef: 'SEPA-000123' })
      .expect(200);
    expect(paid.body).toMatchObject({ status: 'paid', providerRef: 'SEPA-000123', version: 4 });
    const twice = await app.http
      .post(`/v1/refunds/${body.id}/mark-paid`)
      .set(finance('fin_2'))
      .send({ providerRef: 'SEPA-000124' })
      .expect(409);
    expect(twice.body.code).toBe('invalid_transition');
    expect(await entriesOf(app, body.id, 'refund_paid')).toBe(1);
    expect(await books(accountId)).toEqual({ customer_frozen: 0, refund_payable: 0 });
    await app.http.post(`/v1/refunds/${body.id}/mark-paid`).set(finance()).send({}).expect(400);
  });

  it('a lift releases only what refunds do not claim; rejecting a claim after the lift releases it too', async () => {
    const { id: suspensionId, accountId } = await suspend(app, 12500);
    const { body: refund } = await propose(app, suspensionId, 5000).expect(201);
    const lifted = await app.http
      .post(`/v1/suspensions/${suspensionId}/lift`)
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send({ reason: 'detector misfired' })
      .expect(200);
    expect(lifted.body.releasedBalance).toEqual({ amountMinor: 7500, currency: 'USD' });
    expect(await books(accountId)).toEqual({ customer_frozen: 5000 });
    const [event] = await app.query<{ payload: { releasedBalance: unknown } }>(
      `SELECT payload FROM outbox_messages WHERE type = 'suspension.lifted' AND payload->>'suspensionId' = $1`,
      [suspensionId],
    );
    expect(event.payload.releasedBalance).toEqual({ amountMinor: 7500, currency: 'USD' });
    // nothing left to propose after the lift
    expect((await propose(app, suspensionId, 1).expect(422)).body.code).toBe('refund_exceeds_balance');

    await app.http
      .post(`/v1/refunds/${refund.id}/reject`)
      .set(finance())
      .send({ reason: 'the lift already returned the balance' })
      .expect(200);
    expect(await books(accountId)).toEqual({ customer_frozen: 0 });
    const [row] = await app.query<{ released_amount_minor: string }>(
      'SELECT released_amount_minor FROM suspensions WHERE id = $1',
      [suspensionId],
    );
    expect(row.released_amount_minor).toBe('12500');
    const ledger = await app.http.get(`/v1/ledger?accountId=${accountId}`).set(finance()).expect(200);
    expect(ledger.body.data.map((e: { kind: string }) => e.kind)).toEqual(['release', 'release', 'freeze']);
  });

  it('a suspension without a frozen balance leaves no trace in the ledger', async () => {
    const { id: suspensionId, accountId } = await suspend(app, 0);
    expect(await books(accountId)).toEqual({});
    expect((await propose(app, suspensionId, 1).expect(422)).body.code).toBe('refund_exceeds_balance');
  });

  it('keeps entry pages in posting order with a cursor', async () => {
    const { accountId } = await suspend(app, 100);
    const page = await app.http.get('/v1/ledger?limit=1').set(app.bearer('admin_1', 'admin')).expect(200);
    expect(page.body.data).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await app.http
      .get(`/v1/ledger?limit=1&cursor=${page.body.nextCursor}`)
      .set(app.bearer('admin_1', 'admin'))
      .expect(200);
    expect(next.body.data[0].seq).toBeLessThan(page.body.data[0].seq);
    expect(page.body.data[0].legs).toContainEqual({ book: 'customer_frozen', accountId, amountMinor: 100 });
  });

  describe('the database holds the invariants even against direct SQL', () => {
    const refused = (sql: string, params: unknown[] = []) =>
      app.query(sql, params).then(
        () => null,
        (e: { message: string }) => e.message,
      );

    it('the ledger is append-only and balances cannot be edited', async () => {
      await suspend(app, 100);
      expect(await refused('UPDATE ledger_legs SET amount_minor = amount_minor * 2')).toContain(
        'append-only',
      );
      expect(await refused('DELETE FROM ledger_entries')).toContain('append-only');
      expect(await refused('TRUNCATE ledger_legs CASCADE')).toContain('append-only');
      expect(await refused('UPDATE ledger_balances SET balance_minor = 0')).toContain('follows ledger_legs');
    });

    it('an unbalanced entry, a negative customer book or a second payment never commits', async () => {
      const { id: suspensionId, accountId } = await suspend(app, 300);
      const post = (kind: string, legs: [string, string | null, number][], refundId: string | null = null) =>
        refused(
          `WITH e AS (INSERT INTO ledger_entries (id, kind, currency, suspension_id, refund_id)
                      VALUES (gen_random_uuid(), $1, 'USD', $2, $3) RETURNING id)
           INSERT INTO ledger_legs (entry_id, leg_no, book, account_id, amount_minor, currency)
           SELECT e.id, l.n - 1, l.book, l.account, l.amount, 'USD'
             FROM e, unnest($4::text[], $5::text[], $6::bigint[]) WITH ORDINALITY AS l(book, account, amount, n)`,
          [kind, suspensionId, refundId, legs.map((l) => l[0]), legs.map((l) => l[1]), legs.map((l) => l[2])],
        );
      expect(
        await post('release', [
          ['customer_frozen', accountId, -10],
          ['platform_balance', null, 9],
        ]),
      ).toContain('does not balance');
      expect(
        await post('release', [
          ['customer_frozen', accountId, -301],
          ['platform_balance', null, 301],
        ]),
      ).toContain('ledger_balances_non_negative');

      const { body } = await propose(app, suspensionId, 300).expect(201);
      await app.http.post(`/v1/refunds/${body.id}/approve`).set(finance()).expect(200);
      await app.http
        .post(`/v1/refunds/${body.id}/mark-paid`)
        .set(finance())
        .send({ providerRef: 'X-1' })
        .expect(200);
      expect(
        await post(
          'refund_paid',
          [
            ['refund_payable', accountId, -300],
            ['paid_out', null, 300],
          ],
          body.id,
        ),
      ).toContain('ledger_entries_refund_once');
      expect(await refused(`UPDATE refunds SET status = 'processing' WHERE id = $1`, [body.id])).toContain(
        'final',
      );
    });

    it('four-eyes and the refundable balance are checked by the database too', async () => {
      const { id: suspensionId } = await suspend(app, 500);
      const { body } = await propose(app, suspensionId, 400, 'rev_9').expect(201);
      expect(
        await refused(
          `UPDATE refunds SET status = 'approved', approved_by = proposed_by, approved_at = now() WHERE id = $1`,
          [body.id],
        ),
      ).toContain('refunds_four_eyes');
      expect(
        await refused(
          `INSERT INTO refunds (id, suspension_id, account_id, amount_minor, currency, reason, proposed_by)
           SELECT gen_random_uuid(), id, account_id, 101, currency, 'sql', 'rev_x' FROM suspensions WHERE id = $1`,
          [suspensionId],
        ),
      ).toContain('exceeds the refundable balance');
      expect(
        await refused(`UPDATE suspensions SET released_amount_minor = 101 WHERE id = $1`, [suspensionId]),
      ).toContain('claimed by refunds');
    });
  });
});
