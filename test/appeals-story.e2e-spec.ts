import { act, eventually, STATEMENT, suspendAndAppeal, suspensionRequest, TestApp } from '@redress/testing';

const REVIEWER: ['rev_1', 'reviewer'] = ['rev_1', 'reviewer'];
const SENIOR: ['sen_1', 'senior_reviewer'] = ['sen_1', 'senior_reviewer'];
const RATIONALE = 'The traffic matches the appellant’s documented evaluation suite, not distillation.';

describe('Appeals: the whole story', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start('appeals_story', { env: { RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(() => app.close());

  const inbox = async (owner: { Authorization: string }) =>
    (await app.http.get('/v1/me/notifications').set(owner).expect(200)).body.data as {
      template: string;
      body: string;
    }[];

  it('suspend → file → next → request info → reply → escalate → senior claims → overturned: lifted, notices sent, audit verifies', async () => {
    const filed = await suspendAndAppeal(app);
    const { appealId, owner } = filed;
    const mine = await app.http.get('/v1/me/appeals').set(owner).expect(200);
    expect(mine.body.data[0]).toMatchObject({ id: appealId, status: 'submitted', level: 1, assigned: false });
    expect(mine.body.data[0]).not.toHaveProperty('assigneeId');

    const next = await app.http
      .post('/v1/review/next')
      .set(app.bearer(...REVIEWER))
      .expect(200);
    expect(next.body).toMatchObject({ id: appealId, status: 'in_review', assigneeId: 'rev_1' });
    expect(next.headers.etag).toBe(`"${next.body.version}"`);

    const asked = await act(app, appealId, 'request-info', REVIEWER, {
      message: 'Please share the evaluation suite’s schedule.',
      dueInDays: 3,
    });
    expect(asked).toMatchObject({ status: 'awaiting_appellant' });
    await app.http
      .post(`/v1/appeals/${appealId}/messages`)
      .set(owner)
      .send({ body: 'Attached: our cron schedule, nightly at 02:00 UTC.' })
      .expect(201);
    const afterReply = await app.http.get(`/v1/appeals/${appealId}`).set(owner).expect(200);
    expect(afterReply.body).toMatchObject({ status: 'in_review', assigned: true });
    expect(afterReply.body).not.toHaveProperty('assigneeId');

    await app.http
      .post(`/v1/appeals/${appealId}/messages`)
      .set(app.bearer(...REVIEWER))
      .send({ body: 'Looks genuine; needs senior sign-off.', internal: true })
      .expect(201);
    const escalated = await act(app, appealId, 'escalate', REVIEWER, {
      reason: 'Large balance; senior sign-off',
    });
    expect(escalated).toMatchObject({ status: 'escalated', level: 2, assigneeId: null });
    await act(app, appealId, 'claim', REVIEWER, {}, 403);
    await act(app, appealId, 'claim', SENIOR);
    const decided = await act(app, appealId, 'decision', SENIOR, {
      outcome: 'overturned',
      rationale: RATIONALE,
    });
    expect(decided).toMatchObject({
      status: 'decided',
      decision: { outcome: 'overturned', rationale: RATIONALE, decidedBy: 'sen_1' },
    });

    const suspension = await app.http
      .get(`/v1/suspensions/${filed.suspensionId}`)
      .set(app.bearer('admin_1', 'admin'))
      .expect(200);
    expect(suspension.body).toMatchObject({
      status: 'lifted',
      releasedBalance: { amountMinor: 12500, currency: 'USD' },
    });

    // the appellant's thread has no internal note; staff see it
    const appellantThread = await app.http.get(`/v1/appeals/${appealId}/messages`).set(owner).expect(200);
    expect(appellantThread.body.data.map((m: { internal: boolean }) => m.internal)).not.toContain(true);
    const staffThread = await app.http
      .get(`/v1/appeals/${appealId}/messages`)
      .set(app.bearer(...SENIOR))
      .expect(200);
    expect(staffThread.body.data.filter((m: { internal: boolean }) => m.internal).length).toBe(2);

    const templates = await eventually(
      async () => {
        const items = await inbox(owner);
        // the decision and the lift are separate events, delivered by separate jobs
        const templates = new Set(items.map((n) => n.template));
        return templates.has('appeal.decided') && templates.has('suspension.lifted') ? items : null;
      },
      20000,
      'the decision notice',
    );
    expect(templates.map((n) => n.template)).toEqual(
      expect.arrayContaining([
        'suspension.noticed',
        'appeal.received',
        'appeal.info_requested',
        'appeal.decided',
        'suspension.lifted',
      ]),
    );
    const notice = templates.find((n) => n.template === 'appeal.decided')!;
    expect(notice.body).toContain(RATIONALE);
    expect(notice.body).toContain('Appeals Centre Europe');
    const platform = await app.query(
      `SELECT payload FROM outbox_messages WHERE type = 'suspension.lifted' AND payload->>'suspensionId' = $1`,
      [filed.suspensionId],
    );
    expect(platform).toHaveLength(1);

    const history = await app.http
      .get(`/v1/appeals/${appealId}/history`)
      .set(app.bearer(...SENIOR))
      .expect(200);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'appeal.filed',
      'appeal.claim',
      'appeal.request_info',
      'appeal.appellant_reply',
      'appeal.escalate',
      'appeal.claim',
      'appeal.decide',
    ]);
    const verify = await app.http.get('/v1/audit/verify').set(app.bearer('admin_1', 'admin')).expect(200);
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('upholds: the suspension stands and the balance stays frozen', async () => {
    const { appealId, suspensionId } = await suspendAndAppeal(app);
    await act(app, appealId, 'claim', REVIEWER);
    await act(app, appealId, 'decision', REVIEWER, {
      outcome: 'upheld',
      rationale: 'The evidence shows systematic extraction of outputs.',
    });
    const suspension = await app.http
      .get(`/v1/suspensions/${suspensionId}`)
      .set(app.bearer('admin_1', 'admin'))
      .expect(200);
    expect(suspension.body).toMatchObject({ status: 'upheld', releasedBalance: { amountMinor: 0 } });
  });

  it('overturns with a refund in the same transaction: the refund claims its share, the rest is released', async () => {
    const { appealId, suspensionId, owner } = await suspendAndAppeal(app);
    await act(app, appealId, 'claim', REVIEWER);
    await act(app, appealId, 'decision', REVIEWER, {
      outcome: 'overturned',
      rationale: RATIONALE,
      refund: { amountMinor: 5000 },
    });
    const suspension = await app.http
      .get(`/v1/suspensions/${suspensionId}`)
      .set(app.bearer('admin_1', 'admin'))
      .expect(200);
    expect(suspension.body).toMatchObject({
      status: 'lifted',
      releasedBalance: { amountMinor: 7500, currency: 'USD' },
    });
    const refunds = await app.http.get('/v1/me/refunds').set(owner).expect(200);
    expect(refunds.body.data).toEqual([
      expect.objectContaining({ status: 'proposed', amount: { amountMinor: 5000, currency: 'USD' } }),
    ]);
    const tooMuch = await suspendAndAppeal(app);
    await act(app, tooMuch.appealId, 'claim', REVIEWER);
    const refused = await app.http
      .post(`/v1/appeals/${tooMuch.appealId}/decision`)
      .set(app.bearer(...REVIEWER))
      .send({ outcome: 'upheld', rationale: RATIONALE, refund: { amountMinor: 12501 } })
      .expect(422);
    expect(refused.body.code).toBe('refund_exceeds_balance');
    const unchanged = await app.http
      .get(`/v1/appeals/${tooMuch.appealId}`)
      .set(app.bearer(...REVIEWER))
      .expect(200);
    expect(unchanged.body.status).toBe('in_review');
  });

  it('enforces the filing rules', async () => {
    const enforcement = app.bearer('enforcer_1', 'enforcement');
    const body = suspensionRequest();
    const s = await app.http.post('/v1/suspensions').set(enforcement).send(body).expect(201);
    const owner = app.bearer(body.accountId as string, 'appellant');
    const file = (as: { Authorization: string }, extra: Record<string, unknown> = {}) =>
      app.http
        .post('/v1/appeals')
        .set(as)
        .send({ suspensionId: s.body.id, statement: STATEMENT, requestedRemedy: 'reinstate', ...extra });

    expect((await file(app.bearer('acct_other', 'appellant')).expect(404)).body.code).toBe('not_found');
    const short = await file(owner, { statement: '   too short           ' }).expect(400);
    expect(short.body.errors[0].field).toBe('statement');
    await file(owner).expect(201);
    expect((await file(owner).expect(409)).body.code).toBe('appeal_already_exists');

    const lifted = await app.http
      .post('/v1/suspensions')
      .set(enforcement)
      .send(suspensionRequest({ accountId: body.accountId }))
      .expect(201);
    await app.http
      .post(`/v1/suspensions/${lifted.body.id}/lift`)
      .set(enforcement)
      .send({ reason: 'mistake' })
      .expect(200);
    const notActive = await app.http
      .post('/v1/appeals')
      .set(owner)
      .send({ suspensionId: lifted.body.id, statement: STATEMENT, requestedRemedy: 'reinstate' })
      .expect(409);
    expect(notActive.body.code).toBe('suspension_not_active');

    const old = await app.http
      .post('/v1/suspensions')
      .set(enforcement)
      .send(suspensionRequest({ accountId: body.accountId }))
      .expect(201);
    await app.query(
      `UPDATE suspensions SET suspended_at = now() - interval '200 days', appeal_deadline = now() - interval '20 days' WHERE id = $1`,
      [old.body.id],
    );
    const closed = await app.http
      .post('/v1/appeals')
      .set(owner)
      .send({ suspensionId: old.body.id, statement: STATEMENT, requestedRemedy: 'reinstate' })
      .expect(422);
    expect(closed.body.code).toBe('appeal_window_closed');
  });

  it('lifting a suspension with an open appeal decides it overturned', async () => {
    const { appealId, suspensionId, owner } = await suspendAndAppeal(app);
    await app.http
      .post(`/v1/suspensions/${suspensionId}/lift`)
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send({ reason: 'Detector rollback: false positives' })
      .expect(200);
    const appeal = await app.http.get(`/v1/appeals/${appealId}`).set(owner).expect(200);
    expect(appeal.body).toMatchObject({
      status: 'decided',
      decision: { outcome: 'overturned', rationale: 'Detector rollback: false positives' },
    });
  });

  it('keeps appellants to their own appeals and level-2 decisions to senior reviewers', async () => {
    const { appealId, owner } = await suspendAndAppeal(app);
    const stranger = app.bearer('acct_stranger', 'appellant');
    await app.http.get(`/v1/appeals/${appealId}`).set(stranger).expect(404);
    await app.http.get(`/v1/appeals/${appealId}/messages`).set(stranger).expect(404);
    await app.http.post(`/v1/appeals/${appealId}/messages`).set(stranger).send({ body: 'hi' }).expect(404);
    await app.http.post(`/v1/appeals/${appealId}/withdraw`).set(stranger).expect(404);
    await app.http
      .post(`/v1/appeals/${appealId}/messages`)
      .set(owner)
      .send({ body: 'note', internal: true })
      .expect(403);

    await act(app, appealId, 'claim', REVIEWER);
    await act(app, appealId, 'escalate', REVIEWER, { reason: 'needs a senior' });
    await act(app, appealId, 'claim', SENIOR);
    // a reviewer holding the senior's token role-less cannot decide a level-2 appeal
    const refused = await app.http
      .post(`/v1/appeals/${appealId}/decision`)
      .set(app.bearer('sen_1', 'reviewer'))
      .send({ outcome: 'upheld', rationale: RATIONALE })
      .expect(403);
    expect(refused.body.code).toBe('forbidden');
    const stale = await app.http
      .post(`/v1/appeals/${appealId}/decision`)
      .set(app.bearer(...SENIOR))
      .set('If-Match', '"1"')
      .send({ outcome: 'upheld', rationale: RATIONALE })
      .expect(412);
    expect(stale.body.code).toBe('version_mismatch');
  });

  it('withdraws an open appeal, and then nothing else can happen to it', async () => {
    const { appealId, owner } = await suspendAndAppeal(app);
    const withdrawn = await app.http.post(`/v1/appeals/${appealId}/withdraw`).set(owner).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    const again = await app.http.post(`/v1/appeals/${appealId}/withdraw`).set(owner).expect(409);
    expect(again.body).toMatchObject({ code: 'invalid_transition' });
    expect(again.body.detail).toContain('withdrawn');
    await app.http
      .post(`/v1/appeals/${appealId}/messages`)
      .set(owner)
      .send({ body: 'one more thing' })
      .expect(409);
  });
});
