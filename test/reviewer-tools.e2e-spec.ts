import { compareInQueue } from '@redress/appeals';
import { act, suspendAndAppeal, suspensionRequest, TestApp } from '@redress/testing';
import { randomUUID } from 'node:crypto';

const RATIONALE = 'The traffic was the appellant’s own evaluation suite, not distillation.';

describe('Reviewer tools: macros, account context, search, queue orders', () => {
  let app: TestApp;
  const admin = () => app.bearer('admin_m', 'admin');
  const reviewer = () => app.bearer('rev_t', 'reviewer');
  const finance = () => app.bearer('fin_t', 'finance');

  beforeAll(async () => {
    app = await TestApp.start('reviewer_tools', { worker: false, env: { RATE_LIMIT_PER_MINUTE: '10000' } });
  });
  afterAll(() => app.close());

  describe('macros', () => {
    const macro = {
      name: 'Ask for the invoices',
      kind: 'request_info',
      reasonCode: 'payment_fraud',
      locale: 'zh-CN',
      body: '根据 {{policyClause}}，请提供与 {{frozenBalance}} 对应的发票。',
    };

    it('admins write, change and delete macros, idempotently, with If-Match, audited; reviewers read them', async () => {
      const key = randomUUID();
      const created = await app.http
        .post('/v1/macros')
        .set(admin())
        .set('Idempotency-Key', key)
        .send(macro)
        .expect(201);
      expect(created.body).toMatchObject({ ...macro, outcome: null, version: 1, createdBy: 'admin_m' });
      expect(created.headers.etag).toBe('"1"');
      expect(created.headers.location).toBe(`/v1/macros/${created.body.id}`);
      const replay = await app.http
        .post('/v1/macros')
        .set(admin())
        .set('Idempotency-Key', key)
        .send(macro)
        .expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.id).toBe(created.body.id);

      const id = created.body.id as string;
      await app.http.post('/v1/macros').set(reviewer()).send(macro).expect(403);
      await app.http.patch(`/v1/macros/${id}`).set(reviewer()).send({ name: 'x' }).expect(403);
      expect((await app.http.get(`/v1/macros/${id}`).set(reviewer()).expect(200)).body.name).toBe(macro.name);

      const stale = await app.http
        .patch(`/v1/macros/${id}`)
        .set(admin())
        .set('If-Match', '"7"')
        .send({ name: 'y' })
        .expect(412);
      expect(stale.body.code).toBe('version_mismatch');
      const changed = await app.http
        .patch(`/v1/macros/${id}`)
        .set(admin())
        .set('If-Match', '"1"')
        .send({ kind: 'decision', outcome: 'upheld', reasonCode: null })
        .expect(200);
      expect(changed.body).toMatchObject({
        kind: 'decision',
        outcome: 'upheld',
        reasonCode: null,
        version: 2,
      });
      // a decision macro without an outcome is refused as a whole, and nothing changes
      const noOutcome = await app.http
        .patch(`/v1/macros/${id}`)
        .set(admin())
        .send({ outcome: null })
        .expect(400);
      expect(noOutcome.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
      const back = await app.http.patch(`/v1/macros/${id}`).set(admin()).send({ kind: 'note' }).expect(200);
      expect(back.body).toMatchObject({ kind: 'note', outcome: null, version: 3 });

      await app.http.delete(`/v1/macros/${id}`).set(admin()).set('If-Match', '"2"').expect(412);
      await app.http.delete(`/v1/macros/${id}`).set(admin()).set('If-Match', '"3"').expect(204);
      await app.http.get(`/v1/macros/${id}`).set(reviewer()).expect(404);
      await app.http.delete(`/v1/macros/${id}`).set(admin()).expect(404);

      const audit = await app.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE entity_type = 'macro' AND entity_id = $1 ORDER BY seq`,
        [id],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'macro.created',
        'macro.updated',
        'macro.updated',
        'macro.deleted',
      ]);
    });

    it('refuses unknown placeholders and a decision without an outcome, writing nothing', async () => {
      const before = await app.query<{ n: string }>(`SELECT count(*) AS n FROM macros`);
      const typo = await app.http
        .post('/v1/macros')
        .set(admin())
        .send({ ...macro, body: 'Dear {{acountId}}' })
        .expect(400);
      expect(typo.body.errors[0]).toMatchObject({
        field: 'body',
        message: expect.stringContaining('{{acountId}}'),
      });
      const decision = await app.http
        .post('/v1/macros')
        .set(admin())
        .send({ ...macro, kind: 'decision' })
        .expect(400);
      expect(decision.body.errors[0].field).toBe('outcome');
      await app.http
        .post('/v1/macros')
        .set(admin())
        .send({ ...macro, locale: 'fr' })
        .expect(400);
      expect(await app.query(`SELECT count(*) AS n FROM macros`)).toEqual(before);
    });

    it('lists by name, filtered by kind, language and reason code (its own and those for any), keyset-paged', async () => {
      const write = (fields: Record<string, unknown>) =>
        app.http
          .post('/v1/macros')
          .set(admin())
          .send({ ...macro, ...fields })
          .expect(201);
      await write({ name: 'list-a spam', reasonCode: 'spam', locale: 'en' });
      await write({ name: 'list-b any', reasonCode: undefined, locale: 'en' });
      await write({ name: 'list-c fraud', reasonCode: 'payment_fraud', locale: 'en' });
      await write({ name: 'list-d overturn', kind: 'decision', outcome: 'overturned', locale: 'en' });
      const names = async (query: string) =>
        (await app.http.get(`/v1/macros?${query}`).set(reviewer()).expect(200)).body.data
          .map((m: { name: string }) => m.name)
          .filter((n: string) => n.startsWith('list-'));
      expect(await names('kind=request_info&locale=en&reasonCode=spam')).toEqual([
        'list-a spam',
        'list-b any',
      ]);
      expect(await names('kind=decision')).toEqual(['list-d overturn']);
      const first = (await app.http.get('/v1/macros?locale=en&limit=2').set(reviewer()).expect(200)).body;
      const second = (
        await app.http
          .get(`/v1/macros?locale=en&limit=2&cursor=${first.nextCursor}`)
          .set(reviewer())
          .expect(200)
      ).body;
      expect([...first.data, ...second.data].map((m: { name: string }) => m.name)).toEqual([
        'list-a spam',
        'list-b any',
        'list-c fraud',
        'list-d overturn',
      ]);
    });
  });

  describe('account context', () => {
    it('shows an account’s suspensions, appeals, refunds and waves, newest first; finance without the staff view of appeals', async () => {
      const waveId = (
        await app.http
          .post('/v1/waves')
          .set(app.bearer('enf_t', 'enforcement'))
          .send({ name: 'ctx-wave', detector: 'distill-v3' })
          .expect(201)
      ).body.id;
      const older = await suspendAndAppeal(app, { waveId, suspendedAt: '2026-10-01T00:00:00.000Z' });
      const newer = await suspendAndAppeal(app, {
        accountId: older.accountId,
        suspendedAt: '2026-11-01T00:00:00.000Z',
      });
      await act(app, older.appealId, 'claim', ['rev_t', 'reviewer']);
      await act(app, older.appealId, 'decision', ['rev_t', 'reviewer'], {
        outcome: 'overturned',
        rationale: RATIONALE,
        refund: { amountMinor: 5000 },
      });

      const account = (await app.http.get(`/v1/accounts/${older.accountId}`).set(reviewer()).expect(200))
        .body;
      expect(account.accountId).toBe(older.accountId);
      expect(account.suspensions.map((s: { id: string }) => s.id)).toEqual([
        newer.suspensionId,
        older.suspensionId,
      ]);
      expect(account.suspensions[0].view).toBe('staff');
      expect(account.appeals.map((a: { id: string }) => a.id)).toEqual([newer.appealId, older.appealId]);
      expect(account.appeals[1]).toMatchObject({ view: 'staff', status: 'decided', assigneeId: 'rev_t' });
      expect(account.refunds).toEqual([
        expect.objectContaining({
          appealId: older.appealId,
          status: 'proposed',
          amount: { amountMinor: 5000, currency: 'USD' },
        }),
      ]);
      expect(account.waves).toEqual([expect.objectContaining({ id: waveId, name: 'ctx-wave' })]);
      expect(account.truncated).toEqual([]);

      const forFinance = (await app.http.get(`/v1/accounts/${older.accountId}`).set(finance()).expect(200))
        .body;
      expect(forFinance.appeals[1].view).toBe('public');
      expect(forFinance.appeals[1]).not.toHaveProperty('assigneeId');
      await app.http
        .get(`/v1/accounts/${older.accountId}`)
        .set(app.bearer('enf_t', 'enforcement'))
        .expect(403);
      await app.http.get(`/v1/accounts/${older.accountId}`).set(older.owner).expect(403);
      expect((await app.http.get('/v1/accounts/acct_nobody').set(reviewer()).expect(404)).body.code).toBe(
        'not_found',
      );
      await app.http
        .get(`/v1/accounts/${encodeURIComponent('acct nobody')}`)
        .set(reviewer())
        .expect(404);
    });
  });

  describe('search', () => {
    it('finds a case by its appeal id, suspension id, enforcement reference, account id, and its wave by id or name', async () => {
      const wave = (
        await app.http
          .post('/v1/waves')
          .set(app.bearer('enf_t', 'enforcement'))
          .send({ name: 'Search sweep 2026-12', detector: 'vpn-relay-v2' })
          .expect(201)
      ).body;
      const filed = await suspendAndAppeal(app, { waveId: wave.id, externalRef: `ref-${randomUUID()}` });
      const [{ external_ref: externalRef }] = await app.query<{ external_ref: string }>(
        `SELECT external_ref FROM suspensions WHERE id = $1`,
        [filed.suspensionId],
      );
      const search = async (q: string, as = reviewer()) =>
        (
          await app.http
            .get(`/v1/search?q=${encodeURIComponent(q)}`)
            .set(as)
            .expect(200)
        ).body.data;

      expect(await search(filed.appealId)).toEqual([
        {
          kind: 'appeal',
          id: filed.appealId,
          label: 'submitted',
          matched: 'id',
          accountId: filed.accountId,
          appealId: filed.appealId,
        },
      ]);
      expect(await search(filed.suspensionId.toUpperCase())).toEqual([
        expect.objectContaining({
          kind: 'suspension',
          id: filed.suspensionId,
          matched: 'id',
          appealId: filed.appealId,
        }),
      ]);
      expect(await search(` ${externalRef} `)).toEqual([
        expect.objectContaining({
          kind: 'suspension',
          id: filed.suspensionId,
          label: externalRef,
          matched: 'externalRef',
          appealId: filed.appealId,
        }),
      ]);
      expect(await search(filed.accountId, finance())).toEqual([
        {
          kind: 'account',
          id: filed.accountId,
          label: filed.accountId,
          matched: 'accountId',
          accountId: filed.accountId,
          appealId: null,
        },
      ]);
      expect(await search(wave.id)).toEqual([
        expect.objectContaining({ kind: 'wave', id: wave.id, matched: 'id' }),
      ]);
      expect(await search('search SWEEP')).toEqual([
        expect.objectContaining({
          kind: 'wave',
          id: wave.id,
          label: 'Search sweep 2026-12',
          matched: 'name',
        }),
      ]);
      expect(await search('%')).toEqual([]);
      expect(await search('nothing-like-this')).toEqual([]);
      await app.http.get('/v1/search?q=').set(reviewer()).expect(400);
      await app.http
        .get(`/v1/search?q=${filed.appealId}`)
        .set(app.bearer('enf_t', 'enforcement'))
        .expect(403);
    });

    it('pages through many hits with a cursor, each once', async () => {
      const ref = `shared-${randomUUID()}`;
      const ids: string[] = [];
      for (const source of ['enf_a', 'enf_b', 'enf_c']) {
        const created = await app.http
          .post('/v1/suspensions')
          .set(app.bearer(source, 'enforcement'))
          .send(suspensionRequest({ externalRef: ref }))
          .expect(201);
        ids.push(created.body.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: { id: string }[]; nextCursor: string | null } = (
          await app.http
            .get(`/v1/search?q=${ref}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
            .set(reviewer())
            .expect(200)
        ).body;
        seen.push(...page.data.map((h) => h.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].sort());
    });
  });

  describe('queue orders', () => {
    beforeEach(() =>
      app.query(
        `UPDATE appeals SET status = 'withdrawn', assignee_id = NULL WHERE status NOT IN ('withdrawn', 'decided')`,
      ),
    );

    it('puts a band’s breached cases above its others, sorts by due date on request, and shows language and frozen balance', async () => {
      const filed = await Promise.all([
        suspendAndAppeal(app, {
          automatedDecision: true,
          frozenBalance: { amountMinor: 35000, currency: 'USD' },
        }),
        suspendAndAppeal(app, {
          automatedDecision: true,
          frozenBalance: { amountMinor: 0, currency: 'USD' },
          locale: 'zh-CN',
        }),
        suspendAndAppeal(app, {
          automatedDecision: false,
          frozenBalance: { amountMinor: 100000, currency: 'EUR' },
        }),
      ]);
      // the breached case keeps its priority (40) here, so only the band rule can lift it above the 47
      await app.query(
        `UPDATE appeals SET sla_breached = true, decision_due_at = now() - interval '1 hour' WHERE id = $1`,
        [filed[1].appealId],
      );
      const rows = async (query: string) => {
        const out: Record<string, unknown>[] = [];
        let cursor: string | null = null;
        do {
          const page: { data: Record<string, unknown>[]; nextCursor: string | null } = (
            await app.http
              .get(`/v1/review/queue?limit=1${query}${cursor ? `&cursor=${cursor}` : ''}`)
              .set(reviewer())
              .expect(200)
          ).body;
          out.push(...page.data);
          cursor = page.nextCursor;
        } while (cursor);
        return out;
      };
      const byPriority = await rows('');
      expect(byPriority.map((r) => [r.id, r.priority, r.slaBreached])).toEqual([
        [filed[1].appealId, 40, true],
        [filed[0].appealId, 47, false],
        [filed[2].appealId, 20, false],
      ]);
      expect(byPriority[0]).toMatchObject({
        locale: 'zh-CN',
        frozenBalance: { amountMinor: 0, currency: 'USD' },
      });
      expect(byPriority[2]).toMatchObject({
        locale: 'en',
        frozenBalance: { amountMinor: 100000, currency: 'EUR' },
      });
      // the SQL order and its TypeScript twin agree
      const asDomain = byPriority.map((r) => ({
        id: r.id as string,
        priority: r.priority as number,
        slaBreached: r.slaBreached as boolean,
        submittedAt: new Date(r.submittedAt as string),
        decisionDueAt: new Date(r.decisionDueAt as string),
      }));
      expect([...asDomain].sort((a, b) => compareInQueue('priority', a, b))).toEqual(asDomain);

      const byDue = await rows('&sort=decisionDueAt');
      expect(byDue[0].id).toBe(filed[1].appealId);
      const dues = byDue.map((r) => r.decisionDueAt as string);
      expect([...dues].sort()).toEqual(dues);
      await app.http.get('/v1/review/queue?sort=age').set(reviewer()).expect(400);

      // review/next takes the queue's first
      const next = await app.http.post('/v1/review/next').set(reviewer()).expect(200);
      expect(next.body.id).toBe(filed[1].appealId);
    });
  });

  it('counts a wave’s active suspensions nobody appealed', async () => {
    const enf = app.bearer('enf_t', 'enforcement');
    const wave = (
      await app.http.post('/v1/waves').set(enf).send({ name: 'unappealed', detector: 'd' }).expect(201)
    ).body;
    const items = Array.from({ length: 4 }, () => {
      const { waveId: _w, ...item } = suspensionRequest();
      return item;
    });
    await app.http.post('/v1/suspensions/batch').set(enf).send({ waveId: wave.id, items }).expect(200);
    const [first, second] = await app.query<{ id: string; account_id: string }>(
      `SELECT id, account_id FROM suspensions WHERE wave_id = $1 ORDER BY id`,
      [wave.id],
    );
    await app.http
      .post('/v1/appeals')
      .set(app.bearer(first.account_id, 'appellant'))
      .send({ suspensionId: first.id, statement: RATIONALE, requestedRemedy: 'reinstate' })
      .expect(201);
    await app.http
      .post(`/v1/suspensions/${second.id}/lift`)
      .set(enf)
      .send({ reason: 'Lifted by hand.' })
      .expect(200);
    const stats = (await app.http.get(`/v1/waves/${wave.id}`).set(reviewer()).expect(200)).body.statistics;
    expect(stats).toMatchObject({ suspensions: 4, appealsFiled: 1, unappealedActive: 2 });
  });
});
