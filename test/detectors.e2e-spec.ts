import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import { whsecSecret } from '@redress/testing/webhook-verifiers';
import { WebhookReceiver } from './notifications-receivers';

/**
 * Detector accountability over HTTP, with the real worker: suspensions that name their detector, sampled
 * review of the people who never appealed, error estimates with 95 % intervals, and the breaker that
 * tells the platform. The known-truth detectors are decided by a test reviewer who knows which
 * suspensions are wrong (the account id says so).
 */
const SECRET = whsecSecret('platform webhook secret');
const RATIONALE = 'Checked against the account history: the decision follows from it.';
const TRUTH_SIZE = 2_000;

describe('Detectors: sampled review, estimates with intervals, the breaker', () => {
  let app: TestApp;
  let platform: WebhookReceiver;
  const enforcement = () => app.bearer('enforcer_1', 'enforcement');
  const senior = () => app.bearer('sen_1', 'senior_reviewer');
  const admin = () => app.bearer('admin_1', 'admin');

  beforeAll(async () => {
    platform = await WebhookReceiver.start(SECRET);
    app = await TestApp.start('detectors', {
      env: {
        PLATFORM_WEBHOOK_URL: platform.url('/platform'),
        PLATFORM_WEBHOOK_SECRET: SECRET,
        SWEEP_INTERVAL_MS: '200',
        RATE_LIMIT_PER_MINUTE: '10000',
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  /** `size` suspensions of the detector in one batch; the first `wrong` accounts are wrongly suspended. */
  async function ingest(detector: { name: string; version: string }, size: number, wrong: number) {
    const items = Array.from({ length: size }, (_, i) =>
      suspensionRequest({
        accountId: `acct_${detector.name}_${i < wrong ? 'wrong' : 'right'}_${i}`,
        externalRef: `${detector.name}-${i}`,
        detector,
      }),
    );
    const res = await app.http.post('/v1/suspensions/batch').set(enforcement()).send({ items }).expect(200);
    expect(res.body).toEqual({ created: size, skipped: 0 });
  }

  const draw = (name: string, body: Record<string, unknown>, key?: string) => {
    const req = app.http.post(`/v1/detectors/${encodeURIComponent(name)}/samples`).set(senior());
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  /** The test reviewer who knows the truth: claims each case and decides it by what the account id says. */
  async function decideByTruth(appealIds: string[]) {
    const lanes = 8;
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const reviewer = app.bearer(`truth_${lane}`, 'reviewer');
        for (let i = lane; i < appealIds.length; i += lanes) {
          const claimed = await app.http.post(`/v1/appeals/${appealIds[i]}/claim`).set(reviewer).expect(200);
          const wrong = (claimed.body.accountId as string).includes('_wrong_');
          await app.http
            .post(`/v1/appeals/${appealIds[i]}/decision`)
            .set(reviewer)
            .send({ outcome: wrong ? 'overturned' : 'upheld', rationale: RATIONALE })
            .expect(200);
        }
      }),
    );
  }

  const version = async (name: string, v: string) => {
    const res = await app.http
      .get(`/v1/detectors/${encodeURIComponent(name)}`)
      .set(senior())
      .expect(200);
    return res.body.versions.find((x: { version: string }) => x.version === v);
  };

  const platformEvents = (type: string, name: string) =>
    platform.for((e) => e.type === type && (e.data.detector as { name: string })?.name === name);

  describe('a detector with a known truth: 2,000 suspensions, 25 % wrong', () => {
    const detector = { name: 'vpn-relay', version: 'v7' };
    let sampled: string[];

    beforeAll(async () => {
      await ingest(detector, TRUTH_SIZE, TRUTH_SIZE / 4);
      const res = await draw(
        detector.name,
        { size: 200, version: 'v7', seed: 'known-truth' },
        'draw-1',
      ).expect(201);
      sampled = res.body.appealIds;
      expect(res.body).toMatchObject({
        detector: 'vpn-relay',
        version: 'v7',
        seed: 'known-truth',
        eligible: 2_000,
        opened: 200,
      });
      // the same key replays the draw instead of drawing again
      const again = await draw(
        detector.name,
        { size: 200, version: 'v7', seed: 'known-truth' },
        'draw-1',
      ).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.appealIds).toEqual(sampled);
    });

    it('opens sample cases in the level-1 queue, each on a distinct suspension, without telling anyone', async () => {
      const rows = await app.query<{
        origin: string;
        status: string;
        level: number;
        n: number;
        suspensions: number;
      }>(
        `SELECT origin, status, level, count(*)::int AS n, count(DISTINCT suspension_id)::int AS suspensions
           FROM appeals WHERE id = ANY($1) GROUP BY 1, 2, 3`,
        [sampled],
      );
      expect(rows).toEqual([{ origin: 'sample', status: 'submitted', level: 1, n: 200, suspensions: 200 }]);
      const queue = await app.http.get('/v1/review/queue').query({ limit: 200 }).set(senior()).expect(200);
      expect(queue.body.data.filter((a: { origin: string }) => a.origin === 'sample')).toHaveLength(200);
      const notices = await app.query(
        `SELECT 1 FROM outbox_messages WHERE type LIKE 'appeal.%' AND payload->>'appealId' = ANY($1)`,
        [sampled],
      );
      expect(notices).toHaveLength(0);
    });

    it('decided by the truth: the interval holds 25 %, the breaker fires once, signed, and raises priority', async () => {
      // five more cases stay open, to see their priority rise with the flag
      const open = (await draw(detector.name, { size: 5, seed: 'left-open' }).expect(201)).body
        .appealIds as string[];
      const before = await app.query<{ priority: number }>(
        `SELECT priority FROM appeals WHERE id = ANY($1)`,
        [open],
      );
      await decideByTruth(sampled);

      const v7 = await version(detector.name, 'v7');
      expect(v7).toMatchObject({
        suspensions: 2_000,
        appealsFiled: 0,
        sample: { opened: 205, open: 5, reviewed: 200, silent: 2_000 },
      });
      const { estimate, low, high } = v7.falsePositiveRate;
      expect(estimate).toBe(v7.sample.overturned / 200);
      expect(low).toBeLessThanOrEqual(0.25);
      expect(high).toBeGreaterThanOrEqual(0.25);
      expect(low).toBeGreaterThan(0.1);
      expect(v7.sample.falsePositiveRate).toEqual(v7.falsePositiveRate);

      await eventually(async () => platformEvents('detector.flagged', detector.name).length > 0);
      const deliveries = platformEvents('detector.flagged', detector.name);
      // one event; a delivery retried (a slow answer on a busy machine) repeats its id, as webhooks may
      expect(new Set(deliveries.map((d) => d.event.id)).size).toBe(1);
      const [flagged] = deliveries;
      expect(flagged.signatureValid).toBe(true);
      // it trips as soon as the decided cases show it, often well before the 200th
      expect(flagged.event.data).toMatchObject({
        detector,
        threshold: 0.1,
        suspensions: 2_000,
        appealsDecided: 0,
      });
      expect(flagged.event.data.lowerBound).toBeGreaterThan(0.1);
      expect(flagged.event.data.samplesDecided).toBeLessThanOrEqual(200);
      expect(await version(detector.name, 'v7')).toMatchObject({
        flagged: true,
        flagChangedAt: expect.any(String),
      });
      const audited = await app.query(`SELECT data FROM audit_events WHERE action = 'detector.flagged'`);
      expect(audited).toHaveLength(1);

      const after = await app.query<{ priority: number }>(`SELECT priority FROM appeals WHERE id = ANY($1)`, [
        open,
      ]);
      expect(after.map((r) => r.priority)).toEqual(before.map((r) => r.priority + 10));
    });

    it('tells only the people a review found wrongly suspended, that a review found it wrong', async () => {
      const decided = await app.query<{ id: string; outcome: string; notices: number }>(
        `SELECT a.id, a.decision_outcome AS outcome,
                (SELECT count(*)::int FROM outbox_messages o WHERE o.type = 'appeal.decided' AND o.payload->>'appealId' = a.id::text) AS notices
           FROM appeals a WHERE a.id = ANY($1)`,
        [sampled],
      );
      for (const d of decided)
        expect({ id: d.id, notices: d.notices }).toEqual({
          id: d.id,
          notices: d.outcome === 'upheld' ? 0 : 1,
        });
      const overturned = decided.find((d) => d.outcome === 'overturned')!;
      await eventually(async () => {
        const [row] = await app.query<{ body: string }>(
          `SELECT body FROM notifications WHERE channel = 'inbox' AND event_type = 'appeal.decided' AND appeal_id = $1`,
          [overturned.id],
        );
        return row?.body.includes('The review found that the suspension was wrong');
      });
    });

    it('counts the sample cases apart from complaints in the transparency report', async () => {
      const res = await app.http.get('/v1/reports/transparency').set(admin()).expect(200);
      expect(res.body.sampledReviews).toMatchObject({ opened: 205, decided: 200 });
      expect(res.body.appealsReceived.total).toBe(0);
      expect(res.body.decisions.total).toBe(0);
    });
  });

  it('a detector with 2 % wrong: sampled and decided the same way, the breaker does not fire', async () => {
    const detector = { name: 'card-velocity', version: 'v2' };
    await ingest(detector, TRUTH_SIZE, TRUTH_SIZE / 50);
    const res = await draw(detector.name, { size: 200, seed: 'known-truth' }).expect(201);
    await decideByTruth(res.body.appealIds);
    const decidedAt = new Date();
    // the breaker has judged the version after the last decision
    await eventually(async () => {
      const [row] = await app.query<{ judged_at: Date }>(
        `SELECT judged_at FROM detector_versions WHERE name = $1 AND version = $2`,
        [detector.name, detector.version],
      );
      return row && row.judged_at > decidedAt;
    });
    const v2 = await version(detector.name, 'v2');
    expect(v2.flagged).toBe(false);
    expect(v2.falsePositiveRate.low).toBeLessThanOrEqual(0.02);
    expect(v2.falsePositiveRate.high).toBeGreaterThanOrEqual(0.02);
    expect(v2.falsePositiveRate.low).toBeLessThan(0.1);
    expect(platformEvents('detector.flagged', detector.name)).toHaveLength(0);
  });

  describe('a sample case beside the person', () => {
    const detector = { name: 'shared-keys', version: 'v1' };
    const people: { accountId: string; suspensionId: string }[] = [];
    const cases = new Map<string, string>();

    beforeAll(async () => {
      for (let i = 0; i < 3; i += 1) {
        const body = suspensionRequest({ detector });
        const res = await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(201);
        expect(res.body.detector).toEqual(detector);
        people.push({ accountId: body.accountId as string, suspensionId: res.body.id });
      }
      const drawn = await draw(detector.name, { size: 10 }).expect(201);
      expect(drawn.body).toMatchObject({ eligible: 3, opened: 3, seed: expect.any(String) });
      const rows = await app.query<{ id: string; suspension_id: string }>(
        `SELECT id, suspension_id FROM appeals WHERE id = ANY($1)`,
        [drawn.body.appealIds],
      );
      for (const r of rows) cases.set(r.suspension_id, r.id);
    });

    const owner = (i: number) => app.bearer(people[i].accountId, 'appellant');
    const file = (i: number) =>
      app.http.post('/v1/appeals').set(owner(i)).send({
        suspensionId: people[i].suspensionId,
        statement: 'The key was shared by my own team only.',
        requestedRemedy: 'reinstate',
      });

    it('is staff work: the person neither sees it, nor is asked, nor withdraws it', async () => {
      const id = cases.get(people[0].suspensionId)!;
      await app.http.get(`/v1/appeals/${id}`).set(owner(0)).expect(404);
      await app.http.post(`/v1/appeals/${id}/withdraw`).set(owner(0)).expect(404);
      await app.http.post(`/v1/appeals/${id}/messages`).set(owner(0)).send({ body: 'hello' }).expect(404);
      expect((await app.http.get('/v1/me/appeals').set(owner(0)).expect(200)).body.data).toEqual([]);
      const reviewer = app.bearer('rev_9', 'reviewer');
      await app.http.post(`/v1/appeals/${id}/claim`).set(reviewer).expect(200);
      const asked = await app.http
        .post(`/v1/appeals/${id}/request-info`)
        .set(reviewer)
        .send({ message: 'Who else used the key?' })
        .expect(409);
      expect(asked.body).toMatchObject({
        code: 'invalid_transition',
        detail: expect.stringContaining('sample case'),
      });
      await app.http
        .post(`/v1/appeals/${id}/messages`)
        .set(reviewer)
        .send({ body: 'Two IPs, one office.', internal: true })
        .expect(201);
    });

    it('closes into the person’s own appeal, its notes carried over', async () => {
      const sampleId = cases.get(people[0].suspensionId)!;
      const filed = await file(0).expect(201);
      const sample = await app.http.get(`/v1/appeals/${sampleId}`).set(senior()).expect(200);
      expect(sample.body).toMatchObject({ origin: 'sample', status: 'withdrawn' });
      const thread = await app.http.get(`/v1/appeals/${filed.body.id}/messages`).set(senior()).expect(200);
      expect(thread.body.data.map((m: { body: string; internal: boolean }) => [m.body, m.internal])).toEqual([
        ['Two IPs, one office.', true],
        [expect.stringContaining(`carried over from sample case ${sampleId}`), true],
      ]);
      const history = await app.http.get(`/v1/appeals/${sampleId}/history`).set(senior()).expect(200);
      expect(history.body.map((e: { action: string }) => e.action)).toEqual([
        'appeal.open_sample',
        'appeal.claim',
        'appeal.close_into_appeal',
      ]);
      expect((await app.http.get('/v1/me/appeals').set(owner(0)).expect(200)).body.data).toHaveLength(1);
    });

    it('upheld: the suspension stays active and appealable, the person hears nothing', async () => {
      const id = cases.get(people[1].suspensionId)!;
      const reviewer = app.bearer('rev_9', 'reviewer');
      await app.http.post(`/v1/appeals/${id}/claim`).set(reviewer).expect(200);
      await app.http
        .post(`/v1/appeals/${id}/decision`)
        .set(reviewer)
        .send({ outcome: 'upheld', rationale: RATIONALE })
        .expect(200);
      const suspension = await app.http
        .get(`/v1/suspensions/${people[1].suspensionId}`)
        .set(owner(1))
        .expect(200);
      expect(suspension.body).toMatchObject({ status: 'active', appealable: true });
      expect(
        await app.query(`SELECT 1 FROM outbox_messages WHERE payload->>'appealId' = $1`, [id]),
      ).toHaveLength(0);
      await file(1).expect(201);
    });

    it('overturned: lifted and released, the platform reinstates, a notice says a review found it wrong', async () => {
      const id = cases.get(people[2].suspensionId)!;
      const reviewer = app.bearer('rev_9', 'reviewer');
      await app.http.post(`/v1/appeals/${id}/claim`).set(reviewer).expect(200);
      await app.http
        .post(`/v1/appeals/${id}/decision`)
        .set(reviewer)
        .send({ outcome: 'overturned', rationale: RATIONALE })
        .expect(200);
      const suspension = await app.http
        .get(`/v1/suspensions/${people[2].suspensionId}`)
        .set(senior())
        .expect(200);
      expect(suspension.body).toMatchObject({ status: 'lifted', releasedBalance: { amountMinor: 12_500 } });
      await eventually(
        async () =>
          platform.for(
            (e) => e.type === 'suspension.lifted' && e.data.suspensionId === people[2].suspensionId,
          ).length > 0,
      );
      const [notice] = await app.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM outbox_messages WHERE type = 'appeal.decided' AND payload->>'appealId' = $1`,
        [id],
      );
      expect(notice.payload).toMatchObject({
        origin: 'sample',
        outcome: 'overturned',
        releasedBalance: { amountMinor: 12_500 },
      });
    });
  });

  it('a wave’s detector applies to its suspensions that name none; unknown detectors are 404', async () => {
    const wave = await app.http
      .post('/v1/waves')
      .set(enforcement())
      .send({ name: 'Relay sweep', detector: 'relay-graph', detectorVersion: 'r3' })
      .expect(201);
    expect(wave.body).toMatchObject({ detector: 'relay-graph', detectorVersion: 'r3' });
    const own = { name: 'relay-graph', version: 'r4' };
    const items = [suspensionRequest(), suspensionRequest(), suspensionRequest({ detector: own })];
    await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement())
      .send({ waveId: wave.body.id, items })
      .expect(200);
    const res = await app.http.get('/v1/detectors/relay-graph').set(admin()).expect(200);
    expect(
      res.body.versions.map((v: { version: string; suspensions: number }) => [v.version, v.suspensions]),
    ).toEqual([
      ['r3', 2],
      ['r4', 1],
    ]);
    expect(res.body.waves).toEqual([
      { id: wave.body.id, name: 'Relay sweep', version: 'r3', suspensions: 2, flagged: false },
      { id: wave.body.id, name: 'Relay sweep', version: 'r4', suspensions: 1, flagged: false },
    ]);
    expect(res.body.versions[0].weekly).toEqual([
      expect.objectContaining({ suspensions: 2, appealsFiled: 0, samplesReviewed: 0 }),
    ]);
    const unversioned = await app.http
      .post('/v1/waves')
      .set(enforcement())
      .send({ name: 'Old', detector: 'legacy' })
      .expect(201);
    expect(unversioned.body.detectorVersion).toBe('unversioned');

    await app.http.get('/v1/detectors/no-such-detector').set(admin()).expect(404);
    await app.http.get('/v1/detectors/nul%00name').set(admin()).expect(404);
    await draw('no-such-detector', { size: 5 }).expect(404);
    await draw('relay-graph', { size: 0 }).expect(400);
    await draw('relay-graph', { size: 1_001 }).expect(400);
    await draw('relay-graph', { size: 5, version: 'r9' }).expect(404);
  });

  it('lists every version by name then version, keyset-paged', async () => {
    const first = await app.http.get('/v1/detectors').query({ limit: 2 }).set(senior()).expect(200);
    const rest = await app.http
      .get('/v1/detectors')
      .query({ limit: 200, cursor: first.body.nextCursor })
      .set(senior())
      .expect(200);
    const keys = [...first.body.data, ...rest.body.data].map(
      (v: { name: string; version: string }) => `${v.name} ${v.version}`,
    );
    expect(keys).toEqual([
      'card-velocity v2',
      'relay-graph r3',
      'relay-graph r4',
      'shared-keys v1',
      'vpn-relay v7',
    ]);
    expect(rest.body.nextCursor).toBeNull();
  });
});
