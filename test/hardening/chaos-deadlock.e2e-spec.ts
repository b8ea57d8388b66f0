import { act, suspendAndAppeal, TestApp } from '@redress/testing';
import type { Response } from 'supertest';
import { propose, suspend } from '../refunds-support';

const FROZEN = 50_000;
const REFUND = 1_000;
const LEAD: [string, 'reviewer'] = ['rev_lead', 'reviewer'];

interface Answer {
  kind: string;
  res: Response;
}

const describeAnswer = ({ kind, res }: Answer) =>
  `${kind}: ${res.status} ${res.body?.code} ${res.body?.detail}`;

/**
 * The races, on purpose: a decision, lifts, refund proposals (naming the appeal), approvals
 * and rejections all at once on one suspension, each touching the suspension, the appeal, a refund
 * and the account's ledger balances; then the app's connections killed under load. A deadlock,
 * a serialization failure or a lost connection is the database's to have, never a 500 of ours.
 */
describe('Chaos: deadlocks and killed connections on one suspension', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('hardening_chaos_deadlock', {
      worker: false,
      // 150 requests at once wait for one of 20 connections rather than fail fast as 503
      env: {
        RATE_LIMIT_PER_MINUTE: '100000',
        DATABASE_POOL_SIZE: '20',
        DATABASE_CONNECT_TIMEOUT_MS: '20000',
      },
    });
  });
  afterAll(() => app.close());

  const finance = (sub: string) => app.bearer(sub, 'finance');
  const approve = (id: string, sub: string) => app.http.post(`/v1/refunds/${id}/approve`).set(finance(sub));
  const reject = (id: string, sub: string) =>
    app.http.post(`/v1/refunds/${id}/reject`).set(finance(sub)).send({ reason: 'Not owed after all' });
  const tagged = (kind: string, req: PromiseLike<Response>): Promise<Answer> =>
    Promise.resolve(req).then((res) => ({ kind, res }));

  async function expectLedgerBalanced(): Promise<void> {
    const unbalanced = await app.query(
      `SELECT entry_id FROM ledger_legs GROUP BY entry_id HAVING sum(amount_minor) <> 0`,
    );
    expect(unbalanced).toEqual([]);
  }

  it('decision, lifts, proposals, approvals and rejections racing: no 5xx, every rule kept', async () => {
    const { suspensionId, appealId, accountId } = await suspendAndAppeal(app, {
      frozenBalance: { amountMinor: FROZEN, currency: 'USD' },
    });
    await act(app, appealId, 'claim', LEAD);
    // proposals waiting for finance when the race starts: each is approved twice and rejected at once
    const waiting = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const res = await propose(app, suspensionId, REFUND, `rev_w${i}`);
        expect(res.status).toBe(201);
        return res.body.id as string;
      }),
    );

    const answers = await Promise.all([
      ...waiting.flatMap((id) => [
        tagged(`approve ${id}`, approve(id, 'fin_a')),
        tagged(`approve ${id}`, approve(id, 'fin_b')),
        tagged(`reject ${id}`, reject(id, 'fin_c')),
      ]),
      ...Array.from({ length: 40 }, (_, i) =>
        tagged(
          'propose',
          app.http
            .post('/v1/refunds')
            .set(app.bearer(`rev_${i}`, 'reviewer'))
            .send({
              suspensionId,
              appealId,
              amountMinor: REFUND,
              reason: 'Overturned: the detector misfired',
            }),
        ),
      ),
      ...Array.from({ length: 5 }, () =>
        tagged(
          'decide',
          app.http
            .post(`/v1/appeals/${appealId}/decision`)
            .set(app.bearer(...LEAD))
            .send({
              outcome: 'overturned',
              rationale: 'The traffic was our own evaluation suite',
              refund: { amountMinor: 2 * REFUND },
            }),
        ),
      ),
      ...Array.from({ length: 5 }, () =>
        tagged(
          'lift',
          app.http
            .post(`/v1/suspensions/${suspensionId}/lift`)
            .set(app.bearer('enforcer_1', 'enforcement'))
            .send({ reason: 'Detector misfired on this account' }),
        ),
      ),
    ]);

    expect(answers.filter((a) => a.res.status >= 500).map(describeAnswer)).toEqual([]);
    const statuses = (kind: string) =>
      answers.filter((a) => a.kind.startsWith(kind)).map((a) => a.res.status);
    expect(statuses('propose').every((s) => s === 201 || s === 422)).toBe(true);
    // one of them decides the appeal (and lifts the suspension); the rest find it decided or lifted, or
    // the balance already claimed by the proposals that came first (a decision's refund)
    expect([...statuses('decide'), ...statuses('lift')].filter((s) => s === 200)).toEqual([200]);
    expect(statuses('decide').every((s) => [200, 409, 422].includes(s))).toBe(true);
    expect(statuses('lift').every((s) => s === 200 || s === 409)).toBe(true);
    // each waiting refund: exactly one of its approvals and its rejection wins
    for (const id of waiting) {
      const own = answers.filter((a) => a.kind.endsWith(id)).map((a) => a.res.status);
      expect(own.sort()).toEqual([200, 409, 409]);
    }

    // the books agree: the lift released exactly what no refund claims, approved money is payable,
    // proposed money is still frozen, every entry is balanced
    const [state] = await app.query<{
      status: string;
      released: number;
      claimed: number;
      approved: number;
      proposed: number;
    }>(
      `SELECT s.status, s.released_amount_minor::int AS released,
              coalesce(sum(r.amount_minor) FILTER (WHERE r.status <> 'rejected'), 0)::int AS claimed,
              coalesce(sum(r.amount_minor) FILTER (WHERE r.status = 'approved'), 0)::int AS approved,
              coalesce(sum(r.amount_minor) FILTER (WHERE r.status = 'proposed'), 0)::int AS proposed
         FROM suspensions s LEFT JOIN refunds r ON r.suspension_id = s.id
        WHERE s.id = $1 GROUP BY s.id`,
      [suspensionId],
    );
    expect(state.status).toBe('lifted');
    expect(state.claimed).toBeLessThanOrEqual(FROZEN);
    expect(state.released + state.claimed).toBe(FROZEN);
    const books = await app.query<{ book: string; balance: number }>(
      `SELECT book, balance_minor::int AS balance FROM ledger_balances WHERE account_id = $1 ORDER BY book`,
      [accountId],
    );
    expect(books).toEqual(
      expect.arrayContaining([
        { book: 'customer_frozen', balance: state.proposed },
        { book: 'refund_payable', balance: state.approved },
      ]),
    );
    await expectLedgerBalanced();
    // The lock order itself held: PostgreSQL met no deadlock at all, the retry is only the backstop. A
    // backend reports its counters within a second of going idle, so a wait can miss one, never invent one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [{ deadlocks }] = await app.query<{ deadlocks: number }>(
      `SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()`,
    );
    expect(deadlocks).toBe(0);
  });

  it('connections killed under load: every answer is a success or 503 dependency_unavailable', async () => {
    const { id: suspensionId } = await suspend(app, 100_000_000);
    let killing = true;
    const killer = (async () => {
      let killed = 0;
      while (killing) {
        const [{ n }] = await app.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'redress'`,
        );
        killed += n;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return killed;
    })();
    // eight clients, each proposing and approving refunds and reading the suspension, one after another
    const clients = Array.from({ length: 8 }, async (_, c) => {
      const seen: Answer[] = [];
      for (let i = 0; i < 16; i += 1) {
        const proposed = await tagged('propose', propose(app, suspensionId, 100, `rev_k${c}`));
        seen.push(proposed);
        if (proposed.res.status === 201)
          seen.push(await tagged('approve', approve(proposed.res.body.id, `fin_k${c}`)));
        seen.push(
          await tagged(
            'read',
            app.http.get(`/v1/suspensions/${suspensionId}`).set(app.bearer('admin_1', 'admin')),
          ),
        );
      }
      return seen;
    });
    const answers = (await Promise.all(clients)).flat();
    killing = false;
    expect(await killer).toBeGreaterThan(0);

    const unavailable = (a: Answer) => a.res.status === 503 && a.res.body.code === 'dependency_unavailable';
    expect(answers.filter((a) => a.res.status >= 300 && !unavailable(a)).map(describeAnswer)).toEqual([]);
    expect(answers.some(unavailable)).toBe(true); // the kills did land on requests
    await expectLedgerBalanced();
    const [{ claimed }] = await app.query<{ claimed: number }>(
      `SELECT coalesce(sum(amount_minor), 0)::int AS claimed FROM refunds WHERE suspension_id = $1`,
      [suspensionId],
    );
    expect(claimed).toBeLessThanOrEqual(100_000_000);
  });
});
