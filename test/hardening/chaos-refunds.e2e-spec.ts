import { eventually, TestApp } from '@redress/testing';
import { propose, suspend } from '../refunds-support';

/**
 * Concurrent refund proposals and approvals on one suspension, all at once and mixed:
 * proposals racing each other, approvals racing the proposals still arriving and each other, a lift
 * racing both, then two finance users marking the same refunds paid at once. (test/refunds-* race
 * proposals with proposals and approvals with approvals, one kind at a time.)
 */
describe('Chaos: refund proposals, approvals, a lift and payments racing on one suspension', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('hardening_chaos_refunds'); // manual payouts: the worker moves to processing
  });
  afterAll(() => app.close());

  it('never claims more than was frozen, approves and pays each refund once, keeps the ledger balanced', async () => {
    const frozen = 10_000;
    const { id: suspensionId, accountId } = await suspend(app, frozen);
    const approve = (id: string, sub: string) =>
      app.http.post(`/v1/refunds/${id}/approve`).set(app.bearer(sub, 'finance'));

    // 12 proposals of 1,500 (18,000 asked for 10,000 frozen); each approved by two finance users at
    // once as soon as it exists; a lift lands in the middle of it all
    const lift = new Promise((r) => setTimeout(r, 30)).then(() =>
      app.http
        .post(`/v1/suspensions/${suspensionId}/lift`)
        .set(app.bearer('enforcer_1', 'enforcement'))
        .send({ reason: 'Detector misfired on this account' }),
    );
    const flows = Array.from({ length: 12 }, async (_, i) => {
      const proposed = await propose(app, suspensionId, 1500, `rev_${i}`);
      if (proposed.status !== 201) return { proposed: proposed.status, approvals: [] as number[] };
      const approvals = await Promise.all([
        approve(proposed.body.id, 'fin_a'),
        approve(proposed.body.id, 'fin_b'),
      ]);
      return { proposed: 201, id: proposed.body.id as string, approvals: approvals.map((a) => a.status) };
    });
    const [outcomes, lifted] = await Promise.all([Promise.all(flows), lift]);

    expect(lifted.status).toBe(200);
    // every answer is a rule, never an error: 201 or 422 for proposals, one 200 and one 409 for approvals
    expect(outcomes.every((o) => o.proposed === 201 || o.proposed === 422)).toBe(true);
    const accepted = outcomes.filter((o) => o.proposed === 201);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThanOrEqual(Math.floor(frozen / 1500));
    for (const o of accepted) expect(o.approvals.sort()).toEqual([200, 409]);

    // the worker moves each approved refund to processing; then two people mark each paid at once
    const ids = accepted.map((o) => o.id!);
    await eventually(async () => {
      const rows = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM refunds WHERE id = ANY($1) AND status = 'processing'`,
        [ids],
      );
      return rows[0].n === ids.length;
    });
    const payments = await Promise.all(
      ids.flatMap((id) =>
        ['fin_a', 'fin_b'].map((sub) =>
          app.http
            .post(`/v1/refunds/${id}/mark-paid`)
            .set(app.bearer(sub, 'finance'))
            .send({ providerRef: `SEPA-${id.slice(0, 8)}-${sub}` }),
        ),
      ),
    );
    const paidPerRefund = ids.map((_, i) => [payments[2 * i].status, payments[2 * i + 1].status].sort());
    expect(paidPerRefund).toEqual(ids.map(() => [200, 409]));

    // the database agrees: claims within the frozen balance, one approval and one payment per refund,
    // every entry balanced, no book negative, and the lift released exactly what no refund claims
    const [claims] = await app.query<{ claimed: number }>(
      `SELECT coalesce(sum(amount_minor), 0)::int AS claimed FROM refunds
        WHERE suspension_id = $1 AND status <> 'rejected'`,
      [suspensionId],
    );
    expect(claims.claimed).toBe(1500 * ids.length);
    const perRefund = await app.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM ledger_entries WHERE refund_id = ANY($1) GROUP BY kind ORDER BY kind`,
      [ids],
    );
    expect(perRefund).toEqual([
      { kind: 'refund_approved', n: ids.length },
      { kind: 'refund_paid', n: ids.length },
    ]);
    const unbalanced = await app.query(
      `SELECT entry_id FROM ledger_legs GROUP BY entry_id HAVING sum(amount_minor) <> 0`,
    );
    expect(unbalanced).toEqual([]);
    const books = await app.query<{ book: string; balance: number }>(
      `SELECT book, balance_minor::int AS balance FROM ledger_balances WHERE account_id = $1 ORDER BY book`,
      [accountId],
    );
    expect(books).toEqual([
      { book: 'customer_frozen', balance: 0 },
      { book: 'refund_payable', balance: 0 },
    ]);
    const [released] = await app.query<{ released: number }>(
      `SELECT coalesce(sum(l.amount_minor), 0)::int AS released FROM ledger_entries e
         JOIN ledger_legs l ON l.entry_id = e.id AND l.book = 'platform_balance'
        WHERE e.suspension_id = $1 AND e.kind = 'release'`,
      [suspensionId],
    );
    expect(released.released + claims.claimed).toBe(frozen);
  });
});
