import { act, eventually, suspendAndAppeal, TestApp } from '@redress/testing';

describe('Appeal timers, driven by the worker', () => {
  let app: TestApp;
  beforeAll(async () => {
    // a decision SLA of about two seconds
    app = await TestApp.start('appeals_timers', {
      env: { APPEAL_DECISION_SLA_HOURS: '0.0006', SWEEP_INTERVAL_MS: '100', RATE_LIMIT_PER_MINUTE: '1000' },
    });
  });
  afterAll(() => app.close());

  const appealRow = async (id: string) =>
    (
      await app.query<{
        status: string;
        sla_breached: boolean;
        priority: number;
        decision_due_at: Date;
        info_reminded_at: Date | null;
      }>(`SELECT * FROM appeals WHERE id = $1`, [id])
    )[0];

  it('marks the SLA breached, raises the priority by 30 and tells staff', async () => {
    const { appealId } = await suspendAndAppeal(app, {
      automatedDecision: false,
      frozenBalance: { amountMinor: 0, currency: 'USD' },
    });
    const row = await eventually(
      async () => ((await appealRow(appealId)).sla_breached ? appealRow(appealId) : null),
      15000,
      'the SLA breach',
    );
    expect(row.priority).toBe(30);
    await eventually(
      async () =>
        (
          await app.query(
            `SELECT 1 FROM notifications WHERE event_type = 'sla.breached' AND recipient_type = 'staff' AND appeal_id = $1`,
            [appealId],
          )
        ).length === 1,
      15000,
      'the staff notice',
    );
    const breached = await app.http
      .get('/v1/review/queue?slaBreached=true')
      .set(app.bearer('rev_t', 'reviewer'))
      .expect(200);
    expect(breached.body.data.map((a: { id: string }) => a.id)).toContain(appealId);
  });

  it('pauses the SLA clock while awaiting the appellant', async () => {
    const { appealId, owner } = await suspendAndAppeal(app);
    await act(app, appealId, 'claim', ['rev_t', 'reviewer']);
    await act(app, appealId, 'request-info', ['rev_t', 'reviewer'], {
      message: 'Which client made these calls?',
    });
    const due = (await appealRow(appealId)).decision_due_at.getTime();
    await new Promise((r) => setTimeout(r, 2500)); // longer than the whole SLA
    expect((await appealRow(appealId)).sla_breached).toBe(false);
    await app.http
      .post(`/v1/appeals/${appealId}/messages`)
      .set(owner)
      .send({ body: 'Our CI runner.' })
      .expect(201);
    const resumed = await appealRow(appealId);
    expect(resumed.status).toBe('in_review');
    expect(resumed.decision_due_at.getTime() - due).toBeGreaterThanOrEqual(2400);
  });

  it('reminds the appellant a day before the info deadline, then resumes the review when it passes', async () => {
    const { appealId, owner } = await suspendAndAppeal(app);
    await act(app, appealId, 'claim', ['rev_t', 'reviewer']);
    await act(app, appealId, 'request-info', ['rev_t', 'reviewer'], {
      message: 'Please describe your traffic.',
      dueInDays: 7,
    });
    await app.query(`UPDATE appeals SET info_due_at = now() + interval '20 hours' WHERE id = $1`, [appealId]);
    await eventually(
      async () => (await appealRow(appealId)).info_reminded_at !== null,
      15000,
      'the reminder',
    );
    await eventually(
      async () => {
        const inbox = (await app.http.get('/v1/me/notifications').set(owner)).body.data as {
          template: string;
        }[];
        return inbox.some((n) => n.template === 'appeal.info_reminder');
      },
      15000,
      'the reminder in the inbox',
    );

    await app.query(`UPDATE appeals SET info_due_at = now() - interval '1 second' WHERE id = $1`, [appealId]);
    await eventually(
      async () => (await appealRow(appealId)).status === 'in_review',
      15000,
      'the info timeout',
    );
    const thread = await app.http.get(`/v1/appeals/${appealId}/messages`).set(owner).expect(200);
    expect(thread.body.data.at(-1)).toMatchObject({ authorRole: 'system', internal: false });
    const history = await app.http
      .get(`/v1/appeals/${appealId}/history`)
      .set(app.bearer('rev_t', 'reviewer'))
      .expect(200);
    expect(history.body.at(-1)).toMatchObject({ action: 'appeal.info_timeout', actor: { sub: 'system' } });
  });
});
