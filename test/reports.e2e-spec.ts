import type { Role } from '@redress/kernel';
import { act, eventually, suspendAndAppeal, suspensionRequest, TestApp } from '@redress/testing';

/**
 * The transparency report on a known data set, built through the real API (waves, suspensions,
 * appeals, decisions with refunds, payouts), with only the clock-driven timestamps moved by SQL so
 * that every figure can be computed by hand:
 *
 * | appeal | wave | reason             | automated (det/dec) | outcome    | hours to decision | refund paid |
 * |--------|------|--------------------|---------------------|------------|-------------------|-------------|
 * | A1     | W1   | model_distillation | yes/yes             | overturned | 2                 | 3000 USD    |
 * | A2     | W1   | model_distillation | yes/yes             | upheld     | 4                 | —           |
 * | A3     | —    | payment_fraud      | yes/yes             | modified   | 6                 | 1500 USD    |
 * | A4     | —    | spam               | yes/no              | upheld     | 10 (after its due) | —          |
 * | A5     | W2   | payment_fraud      | yes/yes             | overturned | 20                | 2000 EUR    |
 * | A6     | W1   | model_distillation | yes/yes             | open, SLA breached | —         | —           |
 * | S7     | W1   | other              | no/no               | (no appeal) |                  |             |
 * | OLD    | W2   | model_distillation | yes/yes             | overturned in 2023, 5 h, late | | —       |
 *
 * Last 30 days: 7 suspensions (6 automated detections, 5 automated decisions); 6 appeals received;
 * 5 decisions (2 upheld, 2 overturned, 1 modified) → reversal rate 3/5; hours 2, 4, 6, 10, 20 →
 * median 6, p90 = 10 + 0.6 × (20 − 10) = 16; SLA breaches A4 and A6 = 2; refunds paid 4500 USD (2)
 * and 2000 EUR (1); W1: 4 suspensions, 3 appeals, 2 decided, 1 overturned (0.5); W2: 1, 1, 1, 1 (1).
 */
describe('Reports: the transparency report equals hand-computed figures', () => {
  let app: TestApp;
  const admin = () => app.bearer('admin_1', 'admin');
  const REVIEWER: [string, Role] = ['rev_1', 'reviewer'];
  let w1: string;
  let w2: string;
  let recent: { from: string; to: string };

  beforeAll(async () => {
    app = await TestApp.start('reports');
    w1 = await createWave('VPN relay sweep');
    w2 = await createWave('Distillation sweep');

    const a1 = await appealed({ waveId: w1 });
    const a2 = await appealed({ waveId: w1 });
    const a3 = await appealed({ reasonCode: 'payment_fraud' });
    const a4 = await appealed({ reasonCode: 'spam', automatedDecision: false });
    const a5 = await appealed({
      waveId: w2,
      reasonCode: 'payment_fraud',
      frozenBalance: { amountMinor: 8000, currency: 'EUR' },
    });
    const a6 = await appealed({ waveId: w1 });
    await suspended({ waveId: w1, reasonCode: 'other', automatedDetection: false, automatedDecision: false });
    const old = await appealed({ waveId: w2 });

    await decide(a1, 'overturned', 3000);
    await decide(a2, 'upheld');
    await decide(a3, 'modified', 1500);
    await decide(a4, 'upheld');
    await decide(a5, 'overturned', 2000);
    await decide(old, 'overturned');
    for (const appealId of [a1, a3, a5]) await payRefundOf(appealId);
    // a refund that is proposed but never paid counts nowhere
    const s2 = await suspensionOf(a2);
    await app.http
      .post('/v1/refunds')
      .set(app.bearer(...REVIEWER))
      .send({ suspensionId: s2, amountMinor: 1000, reason: 'Goodwill refund, not yet approved' })
      .expect(201);

    // time to decision: submitted_at moved back from the real decided_at
    for (const [appealId, hours] of [
      [a1, 2],
      [a2, 4],
      [a3, 6],
      [a4, 10],
      [a5, 20],
    ] as const) {
      await app.query(
        `UPDATE appeals SET submitted_at = decided_at - make_interval(hours => $2) WHERE id = $1`,
        [appealId, hours],
      );
    }
    // A4 was decided an hour after its deadline (before any sweep marked it)
    await app.query(`UPDATE appeals SET decision_due_at = decided_at - interval '1 hour' WHERE id = $1`, [
      a4,
    ]);
    // A6's deadline passes: the real SLA sweep marks it
    await app.query(`UPDATE appeals SET decision_due_at = now() - interval '1 hour' WHERE id = $1`, [a6]);
    await eventually(
      async () => (await app.query(`SELECT 1 FROM appeals WHERE id = $1 AND sla_breached`, [a6])).length > 0,
    );
    // OLD happened in 2023: suspended, appealed, decided 5 h later and 2 h after its deadline
    await app.query(
      `UPDATE suspensions SET suspended_at = '2023-03-01T00:00:00Z' WHERE id = (SELECT suspension_id FROM appeals WHERE id = $1)`,
      [old],
    );
    await app.query(
      `UPDATE appeals SET submitted_at = '2023-03-02T00:00:00Z', decided_at = '2023-03-02T05:00:00Z',
                          decision_due_at = '2023-03-02T03:00:00Z'
        WHERE id = $1`,
      [old],
    );

    const now = Date.now();
    recent = {
      from: new Date(now - 7 * 86_400_000).toISOString(),
      to: new Date(now + 3_600_000).toISOString(),
    };
  }, 120_000);
  afterAll(() => app?.close());

  async function createWave(name: string): Promise<string> {
    const res = await app.http
      .post('/v1/waves')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send({ name, detector: `${name} detector` })
      .expect(201);
    return res.body.id;
  }

  async function suspended(overrides: Record<string, unknown>) {
    await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(suspensionRequest(overrides))
      .expect(201);
  }

  async function appealed(overrides: Record<string, unknown>): Promise<string> {
    return (await suspendAndAppeal(app, overrides)).appealId;
  }

  async function decide(appealId: string, outcome: string, refundMinor?: number) {
    await act(app, appealId, 'claim', REVIEWER);
    await act(app, appealId, 'decision', REVIEWER, {
      outcome,
      rationale: `Reviewed the traffic logs in full; the appeal is ${outcome}.`,
      ...(refundMinor ? { refund: { amountMinor: refundMinor } } : {}),
    });
  }

  async function suspensionOf(appealId: string): Promise<string> {
    const [row] = await app.query<{ suspension_id: string }>(
      'SELECT suspension_id FROM appeals WHERE id = $1',
      [appealId],
    );
    return row.suspension_id;
  }

  /** Finance approves, the worker hands it to the manual provider, finance records the payment. */
  async function payRefundOf(appealId: string) {
    const [{ id }] = await app.query<{ id: string }>('SELECT id FROM refunds WHERE appeal_id = $1', [
      appealId,
    ]);
    const finance = app.bearer('fin_1', 'finance');
    await app.http.post(`/v1/refunds/${id}/approve`).set(finance).expect(200);
    await eventually(
      async () =>
        (await app.query(`SELECT 1 FROM refunds WHERE id = $1 AND status = 'processing'`, [id])).length > 0,
    );
    await app.http
      .post(`/v1/refunds/${id}/mark-paid`)
      .set(finance)
      .send({ providerRef: `SEPA-${id.slice(0, 8)}` })
      .expect(200);
  }

  const report = (query: Record<string, string> = {}) =>
    app.http.get('/v1/reports/transparency').query(query).set(admin());

  const RECENT_FIGURES = () => ({
    appealsReceived: {
      total: 6,
      byReasonCode: {
        model_distillation: 3,
        automated_extraction: 0,
        tos_rival_training: 0,
        region_restriction: 0,
        account_sharing: 0,
        payment_fraud: 2,
        spam: 1,
        other: 0,
      },
    },
    decisions: {
      total: 5,
      byOutcome: { upheld: 2, overturned: 2, modified: 1 },
      reversalRate: 3 / 5,
      medianHoursToDecision: 6,
      p90HoursToDecision: 16,
    },
    slaBreaches: 2,
    sampledReviews: {
      opened: 0,
      decided: 0,
      byOutcome: { upheld: 0, overturned: 0, modified: 0 },
      reversalRate: null,
    },
    suspensions: {
      total: 7,
      automatedDetections: 6,
      automatedDecisions: 5,
      automatedDetectionShare: 6 / 7,
      automatedDecisionShare: 5 / 7,
    },
    refundsPaid: {
      count: 3,
      byCurrency: [
        { currency: 'EUR', count: 1, amount: { amountMinor: 2000, currency: 'EUR' } },
        { currency: 'USD', count: 2, amount: { amountMinor: 4500, currency: 'USD' } },
      ],
    },
    waves: [
      {
        waveId: w1,
        name: 'VPN relay sweep',
        suspensions: 4,
        appeals: 3,
        decided: 2,
        overturned: 1,
        overturnRate: 0.5,
      },
      {
        waveId: w2,
        name: 'Distillation sweep',
        suspensions: 1,
        appeals: 1,
        decided: 1,
        overturned: 1,
        overturnRate: 1,
      },
    ],
  });

  it('JSON: every figure of the period', async () => {
    const res = await report(recent).expect(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body).toEqual({
      period: recent,
      generatedAt: expect.any(String),
      ...RECENT_FIGURES(),
    });
  });

  it('defaults to the last 30 days', async () => {
    const res = await report().expect(200);
    const { from, to } = res.body.period;
    expect(Date.parse(to) - Date.parse(from)).toBe(30 * 86_400_000);
    expect(res.body).toMatchObject(RECENT_FIGURES());
  });

  it('puts each item in the period of its own timestamp (2023 holds only the old appeal)', async () => {
    const res = await report({ from: '2023-01-01', to: '2024-01-01' }).expect(200);
    expect(res.body).toMatchObject({
      period: { from: '2023-01-01T00:00:00.000Z', to: '2024-01-01T00:00:00.000Z' },
      appealsReceived: {
        total: 1,
        byReasonCode: expect.objectContaining({ model_distillation: 1, spam: 0 }),
      },
      decisions: {
        total: 1,
        byOutcome: { upheld: 0, overturned: 1, modified: 0 },
        reversalRate: 1,
        medianHoursToDecision: 5,
        p90HoursToDecision: 5,
      },
      slaBreaches: 1,
      suspensions: { total: 1, automatedDetections: 1, automatedDecisions: 1, automatedDetectionShare: 1 },
      refundsPaid: { count: 0, byCurrency: [] },
      waves: [
        {
          waveId: w2,
          name: 'Distillation sweep',
          suspensions: 1,
          appeals: 1,
          decided: 1,
          overturned: 1,
          overturnRate: 1,
        },
      ],
    });
    // the old appeal was submitted and decided on 2 March: a period ending at its submission misses it
    const before = await report({ from: '2023-01-01', to: '2023-03-02T00:00:00Z' }).expect(200);
    expect(before.body).toMatchObject({
      appealsReceived: { total: 0 },
      decisions: { total: 0, reversalRate: null, medianHoursToDecision: null, p90HoursToDecision: null },
      suspensions: { total: 1 },
      waves: [
        expect.objectContaining({ waveId: w2, suspensions: 1, appeals: 0, decided: 0, overturnRate: null }),
      ],
    });
  });

  it('an empty period has zero counts and null rates', async () => {
    const res = await report({ from: '2021-01-01', to: '2021-02-01' }).expect(200);
    expect(res.body).toMatchObject({
      appealsReceived: { total: 0 },
      decisions: { total: 0, reversalRate: null, medianHoursToDecision: null },
      slaBreaches: 0,
      suspensions: { total: 0, automatedDetectionShare: null, automatedDecisionShare: null },
      refundsPaid: { count: 0, byCurrency: [] },
      waves: [],
    });
  });

  it('CSV carries the same numbers, one section,key,metric,value row per figure', async () => {
    const csv = await report({ ...recent, format: 'csv' })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="transparency-.+\.csv"$/);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('section,key,metric,value');
    // no field here holds a comma or a quote, so a split is a faithful parse
    const value = (section: string, key: string, metric: string) => {
      const found = lines
        .map((l) => l.split(','))
        .filter(([s, k, m]) => s === section && k === key && m === metric);
      expect(found).toHaveLength(1);
      return found[0][3];
    };
    const num = (...at: [string, string, string]) => Number(value(...at));

    expect(value('period', 'report', 'from')).toBe(recent.from);
    expect(value('period', 'report', 'to')).toBe(recent.to);
    expect(num('appeals_received', 'total', 'count')).toBe(6);
    expect(num('appeals_received', 'model_distillation', 'count')).toBe(3);
    expect(num('appeals_received', 'payment_fraud', 'count')).toBe(2);
    expect(num('appeals_received', 'spam', 'count')).toBe(1);
    expect(num('appeals_received', 'other', 'count')).toBe(0);
    expect(num('decisions', 'total', 'count')).toBe(5);
    expect(num('decisions', 'upheld', 'count')).toBe(2);
    expect(num('decisions', 'overturned', 'count')).toBe(2);
    expect(num('decisions', 'modified', 'count')).toBe(1);
    expect(num('decisions', 'total', 'reversal_rate')).toBe(0.6);
    expect(num('decisions', 'total', 'median_hours_to_decision')).toBe(6);
    expect(num('decisions', 'total', 'p90_hours_to_decision')).toBe(16);
    expect(num('sla_breaches', 'total', 'count')).toBe(2);
    expect(num('suspensions', 'total', 'count')).toBe(7);
    expect(num('suspensions', 'automated_detection', 'share')).toBe(6 / 7);
    expect(num('suspensions', 'automated_decision', 'share')).toBe(5 / 7);
    expect(num('refunds_paid', 'total', 'count')).toBe(3);
    expect(num('refunds_paid', 'USD', 'amount_minor')).toBe(4500);
    expect(num('refunds_paid', 'EUR', 'amount_minor')).toBe(2000);
    expect(value('wave', w1, 'name')).toBe('VPN relay sweep');
    expect(num('wave', w1, 'suspensions')).toBe(4);
    expect(num('wave', w1, 'decided')).toBe(2);
    expect(num('wave', w1, 'overturn_rate')).toBe(0.5);
    expect(num('wave', w2, 'overturn_rate')).toBe(1);
  });

  it('validates the period and the format', async () => {
    const problem = async (query: Record<string, string>, field: string) => {
      const res = await report(query).expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await problem({ from: '2025-02-01', to: '2025-01-01' }, 'from');
    await problem({ from: '2025-01-01', to: '2025-01-01' }, 'from');
    await problem({ from: '2025-02-30' }, 'from');
    await problem({ from: 'last tuesday' }, 'from');
    await problem({ to: '2025-01-01T10:00:00' }, 'to'); // no offset: ambiguous
    await problem({ from: '2015-01-01', to: '2025-01-01' }, 'to'); // more than five years
    await problem({ format: 'xml' }, 'format');
    await problem({ group: 'wave' }, 'group');
  });

  it('is for admins only', async () => {
    for (const role of ['appellant', 'reviewer', 'senior_reviewer', 'finance', 'enforcement'] as Role[]) {
      const res = await app.http.get('/v1/reports/transparency').set(app.bearer('someone', role)).expect(403);
      expect(res.body.code).toBe('forbidden');
    }
    await app.http.get('/v1/reports/transparency').expect(401);
  });
});
