import { AppProcess, STATEMENT, eventually, suspensionRequest, TestApp } from '@redress/testing';

const RATIONALE = 'The VPN-relay detector misfired on a corporate proxy range.';

describe('Ban waves: batch ingest, statistics and bulk decisions', () => {
  let app: TestApp;
  const enforcement = () => app.bearer('enforcer_1', 'enforcement');
  const senior = () => app.bearer('sen_1', 'senior_reviewer');

  beforeAll(async () => {
    app = await TestApp.start('waves', {
      worker: false,
      env: { RATE_LIMIT_PER_MINUTE: '100000', OUTBOX_RELAY_TIMEOUT_MS: '3000' },
    });
  });
  afterAll(() => app.close());

  const newWave = async (name = 'vpn-relays-2026-11') =>
    (
      await app.http
        .post('/v1/waves')
        .set(enforcement())
        .send({ name, detector: 'vpn-relay-v2', description: 'Corporate proxies flagged' })
        .expect(201)
    ).body;
  const items = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => {
      const { waveId: _w, ...item } = suspensionRequest({
        externalRef: `${prefix}-${i}`,
        accountId: `${prefix}_acct_${i}`,
      });
      return item;
    });

  /** A wave of `size` suspensions in one batch, the first `appealed` of them appealed by their owners. */
  const waveWithAppeals = async (name: string, size: number, appealed: number) => {
    const wave = await newWave(name);
    await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement())
      .send({ waveId: wave.id, items: items(size, `${name}-${wave.id.slice(0, 8)}`) })
      .expect(200);
    const suspensions = await app.query<{ id: string; account_id: string }>(
      `SELECT id, account_id FROM suspensions WHERE wave_id = $1 ORDER BY external_ref`,
      [wave.id],
    );
    for (const s of suspensions.slice(0, appealed)) {
      await app.http
        .post('/v1/appeals')
        .set(app.bearer(s.account_id, 'appellant'))
        .send({ suspensionId: s.id, statement: STATEMENT, requestedRemedy: 'reinstate' })
        .expect(201);
    }
    return { wave, suspensions };
  };

  /** Asks for the wave-wide overturn (unappealed suspensions included); answers the job's URL. */
  const overturnWave = async (waveId: string) => {
    const accepted = await app.http
      .post(`/v1/waves/${waveId}/bulk-decision`)
      .set(senior())
      .send({ outcome: 'overturned', rationale: RATIONALE, includeUnappealed: true })
      .expect(202);
    return `/v1/jobs/${accepted.body.jobId}`;
  };

  it('ingests 10,000 suspensions in one batch, skips them all the second time, and counts them in the wave', async () => {
    const wave = await newWave();
    expect(wave).toMatchObject({
      statistics: { suspensions: 0, appealsFiled: 0, overturnRate: 0 },
      flagged: false,
    });
    const batch = { waveId: wave.id, items: items(10_000, `big-${wave.id.slice(0, 8)}`) };
    const first = await app.http.post('/v1/suspensions/batch').set(enforcement()).send(batch).expect(200);
    expect(first.body).toEqual({ created: 10_000, skipped: 0 });
    const again = await app.http.post('/v1/suspensions/batch').set(enforcement()).send(batch).expect(200);
    expect(again.body).toEqual({ created: 0, skipped: 10_000 });

    const [{ n }] = await app.query<{ n: string }>(
      `SELECT count(*) AS n FROM suspensions WHERE wave_id = $1`,
      [wave.id],
    );
    expect(n).toBe('10000');
    const [{ notices }] = await app.query<{ notices: string }>(
      `SELECT count(*) AS notices FROM outbox_messages WHERE type = 'suspension.noticed' AND lane = 'bulk' AND payload->>'waveId' = $1`,
      [wave.id],
    );
    expect(notices).toBe('10000');
    const [{ freezes }] = await app.query<{ freezes: string }>(
      `SELECT count(*) AS freezes FROM ledger_entries e JOIN suspensions s ON s.id = e.suspension_id WHERE e.kind = 'freeze' AND s.wave_id = $1`,
      [wave.id],
    );
    expect(freezes).toBe('10000');
    const stats = await app.http.get(`/v1/waves/${wave.id}`).set(senior()).expect(200);
    expect(stats.body.statistics.suspensions).toBe(10_000);
    const list = await app.http.get('/v1/waves').set(senior()).expect(200);
    expect(list.body.data.map((w: { id: string }) => w.id)).toContain(wave.id);
  });

  it('refuses a batch with three bad items as a whole, naming each index, and writes nothing', async () => {
    const wave = await newWave('bad-batch');
    const batch = items(50, `bad-${wave.id.slice(0, 8)}`);
    batch[3] = { ...batch[3], reasonCode: 'vibes' };
    batch[17] = { ...batch[17], accountEmail: 'not-an-email' };
    batch[42] = { ...batch[42], frozenBalance: { amountMinor: -5, currency: 'USD' } };
    const res = await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement())
      .send({ waveId: wave.id, items: batch })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.detail).toContain('items at index 3, 17, 42');
    const indexes = new Set(
      res.body.errors.map((e: { field: string }) => Number(/^items\[(\d+)\]/.exec(e.field)?.[1])),
    );
    expect([...indexes]).toEqual([3, 17, 42]);
    expect(await app.query(`SELECT 1 FROM suspensions WHERE wave_id = $1`, [wave.id])).toHaveLength(0);
    await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement())
      .send({ items: items(10_001, 'too-many') })
      .expect(400);
  });

  it('stores a batch sent twice at once exactly once (the second skips what the first stored)', async () => {
    const wave = await newWave('sent-twice');
    const batch = items(200, `twice-${wave.id.slice(0, 8)}`);
    const send = () =>
      app.http.post('/v1/suspensions/batch').set(enforcement()).send({ waveId: wave.id, items: batch });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const created = answers.reduce((n, a) => n + a.body.created, 0);
    const skipped = answers.reduce((n, a) => n + a.body.skipped, 0);
    expect({ created, skipped }).toEqual({ created: 200, skipped: 400 });
    const [{ n }] = await app.query<{ n: string }>(
      `SELECT count(*) AS n FROM suspensions WHERE wave_id = $1`,
      [wave.id],
    );
    expect(n).toBe('200');
  });

  it('decides a whole wave: 300 appeals decided once each, unappealed suspensions lifted, notices sent — even when the worker is killed half-way', async () => {
    const { wave } = await waveWithAppeals('bulk-remedy', 350, 300);
    const before = (await app.http.get(`/v1/waves/${wave.id}`).set(senior()).expect(200)).body;
    expect(before.statistics).toMatchObject({ suspensions: 350, appealsOpen: 300, unappealedActive: 50 });
    await app.http
      .post(`/v1/waves/${wave.id}/bulk-decision`)
      .set(app.bearer('rev_1', 'reviewer'))
      .send({ outcome: 'overturned', rationale: RATIONALE, includeUnappealed: true })
      .expect(403);
    const refused = await app.http
      .post(`/v1/waves/${wave.id}/bulk-decision`)
      .set(senior())
      .send({ outcome: 'upheld', rationale: RATIONALE, includeUnappealed: true })
      .expect(400);
    expect(refused.body.errors[0].field).toBe('includeUnappealed');

    const jobUrl = await overturnWave(wave.id);
    expect((await app.http.get(jobUrl).set(senior()).expect(200)).body).toMatchObject({
      state: 'queued',
      total: 350,
      processed: 0,
      failed: 0,
    });

    let worker = await AppProcess.start('worker', app.env);
    const midway = await eventually(
      async () => {
        const job = (await app.http.get(jobUrl).set(senior())).body;
        return job.processed > 0 ? job : null;
      },
      // the worker process compiles itself on start: slow on a busy 2-core machine
      150_000,
      'the first chunk',
    );
    await worker.kill();
    expect(midway.state).toBe('running');
    expect(midway.processed).toBeLessThan(350);

    worker = await AppProcess.start('worker', app.env);
    try {
      const done = await eventually(
        async () => {
          const job = (await app.http.get(jobUrl).set(senior())).body;
          return job.state === 'completed' ? job : null;
        },
        180_000,
        'the job to complete',
      );
      const failures = await app.query(`SELECT item_id, error FROM bulk_job_failures`);
      expect(failures).toEqual([]);
      expect(done).toMatchObject({ state: 'completed', processed: 350, total: 350, failed: 0 });

      const decidedTwice = await app.query(
        `SELECT entity_id FROM audit_events WHERE action = 'appeal.bulk_decide' GROUP BY entity_id HAVING count(*) > 1`,
      );
      expect(decidedTwice).toHaveLength(0);
      const [{ decided }] = await app.query<{ decided: string }>(
        `SELECT count(*) AS decided FROM appeals WHERE wave_id = $1 AND status = 'decided' AND decision_outcome = 'overturned'`,
        [wave.id],
      );
      expect(decided).toBe('300');
      const [{ lifted }] = await app.query<{ lifted: string }>(
        `SELECT count(*) AS lifted FROM suspensions WHERE wave_id = $1 AND status = 'lifted'`,
        [wave.id],
      );
      expect(lifted).toBe('350');
      const [{ releases }] = await app.query<{ releases: string }>(
        `SELECT count(*) AS releases FROM ledger_entries e JOIN suspensions s ON s.id = e.suspension_id WHERE e.kind = 'release' AND s.wave_id = $1`,
        [wave.id],
      );
      expect(releases).toBe('350');
      const stats = (await app.http.get(`/v1/waves/${wave.id}`).set(senior()).expect(200)).body;
      expect(stats).toMatchObject({
        statistics: {
          suspensions: 350,
          appealsFiled: 300,
          appealsOpen: 0,
          unappealedActive: 0,
          appealsDecided: 300,
          overturned: 300,
          overturnRate: 1,
        },
        flagged: true,
      });

      await eventually(
        async () => {
          const [{ n }] = await app.query<{ n: string }>(
            `SELECT count(*) AS n FROM notifications WHERE channel = 'inbox' AND event_type = 'appeal.decided' AND suspension_id IN (SELECT id FROM suspensions WHERE wave_id = $1)`,
            [wave.id],
          );
          return n === '300';
        },
        60000,
        'every decision notice',
      );
      const verify = await app.http.get('/v1/audit/verify').set(app.bearer('admin_1', 'admin')).expect(200);
      expect(verify.body.ok).toBe(true);
    } finally {
      await worker.kill();
    }
  }, 480_000);

  it('waits for items another transaction holds instead of finishing without them', async () => {
    const { wave, suspensions } = await waveWithAppeals('held-items', 20, 10);
    // an appealed and an unappealed suspension, locked as a notice or a reviewer would lock them
    const held = [suspensions[0].id, suspensions[15].id];
    const holder = await app.db.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM suspensions WHERE id = ANY($1) FOR UPDATE', [held]);
    await app.startWorker();
    try {
      const jobUrl = await overturnWave(wave.id);
      const job = () => app.http.get(jobUrl).set(senior()).expect(200);
      await eventually(async () => (await job()).body.processed === 18 || null, 60_000, '18 items');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await job()).body).toMatchObject({ state: 'running', processed: 18, failed: 0 });

      await holder.query('ROLLBACK');
      const done = await eventually(
        async () => ((await job()).body.state === 'completed' ? (await job()).body : null),
        60_000,
        'the job to complete',
      );
      expect(done).toMatchObject({ processed: 20, failed: 0 });
      const active = await app.query(`SELECT id FROM suspensions WHERE wave_id = $1 AND status = 'active'`, [
        wave.id,
      ]);
      expect(active).toEqual([]);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
      await app.stopWorker();
    }
  }, 120_000);
});
