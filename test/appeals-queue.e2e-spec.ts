import { act, eventually, suspendAndAppeal, TestApp } from '@redress/testing';
import { randomUUID } from 'node:crypto';

const REVIEWER = () => ['rev_q', 'reviewer'] as const;

describe('Triage queue', () => {
  let app: TestApp;
  const reviewer = () => app.bearer(...REVIEWER());
  const queue = async (query = '') =>
    (await app.http.get(`/v1/review/queue${query}`).set(reviewer()).expect(200)).body;

  beforeAll(async () => {
    app = await TestApp.start('appeals_queue', { worker: false, env: { RATE_LIMIT_PER_MINUTE: '10000' } });
  });
  afterAll(() => app.close());
  beforeEach(() =>
    app.query(
      `UPDATE appeals SET status = 'withdrawn', assignee_id = NULL WHERE status <> 'withdrawn' AND status <> 'decided'`,
    ),
  );

  it('orders by priority desc, then submission time: automated decisions and large frozen balances first', async () => {
    const none = await suspendAndAppeal(app, {
      automatedDecision: false,
      frozenBalance: { amountMinor: 0, currency: 'USD' },
    });
    const automated = await suspendAndAppeal(app, {
      automatedDecision: true,
      frozenBalance: { amountMinor: 0, currency: 'USD' },
    });
    const both = await suspendAndAppeal(app, {
      automatedDecision: true,
      frozenBalance: { amountMinor: 250000, currency: 'USD' },
    });
    const half = await suspendAndAppeal(app, {
      automatedDecision: false,
      frozenBalance: { amountMinor: 50000, currency: 'USD' },
    });
    const page = await queue();
    expect(page.data.map((a: { id: string; priority: number }) => [a.id, a.priority])).toEqual([
      [both.appealId, 60],
      [automated.appealId, 40],
      [half.appealId, 10],
      [none.appealId, 0],
    ]);
  });

  it('filters by status, level, reason, wave, assignee and SLA breach', async () => {
    const waveId = randomUUID();
    await app.query(
      `INSERT INTO waves (id, name, detector, created_by) VALUES ($1, 'distill-2026-11', 'distill-v3', 'enforcer_1')`,
      [waveId],
    );
    const inWave = await suspendAndAppeal(app, { waveId, reasonCode: 'automated_extraction' });
    const mine = await suspendAndAppeal(app, { reasonCode: 'spam' });
    await act(app, mine.appealId, 'claim', ['rev_q', 'reviewer']);
    const breached = await suspendAndAppeal(app, { reasonCode: 'spam' });
    await app.query(`UPDATE appeals SET sla_breached = true WHERE id = $1`, [breached.appealId]);

    const ids = (page: { data: { id: string }[] }) => page.data.map((a) => a.id).sort();
    expect(ids(await queue(`?waveId=${waveId}`))).toEqual([inWave.appealId]);
    expect(ids(await queue('?reasonCode=automated_extraction'))).toEqual([inWave.appealId]);
    expect(ids(await queue('?status=in_review'))).toEqual([mine.appealId]);
    expect(ids(await queue('?assignee=me'))).toEqual([mine.appealId]);
    expect(ids(await queue('?assignee=rev_q'))).toEqual([mine.appealId]);
    expect(ids(await queue('?assignee=none'))).toEqual([inWave.appealId, breached.appealId].sort());
    expect(ids(await queue('?slaBreached=true'))).toEqual([breached.appealId]);
    expect((await queue('?level=2')).data).toEqual([]);
    const bad = await app.http
      .get(`/v1/review/queue?status=lost&limit=500&orderBy=priority;DROP TABLE appeals`)
      .set(reviewer())
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'limit',
      'orderBy',
      'status',
    ]);
  });

  it('a cursor walk sees every appeal exactly once while new appeals keep arriving', async () => {
    const existing = await Promise.all(Array.from({ length: 23 }, () => suspendAndAppeal(app)));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = await queue(
        `?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.data.map((a) => a.id));
      cursor = page.nextCursor;
      await suspendAndAppeal(app); // a new appeal arrives between pages
      pages += 1;
    } while (cursor && pages < 50);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(existing.map((f) => f.appealId)));
    const forged = await app.http.get('/v1/review/queue?cursor=not-a-cursor').set(reviewer()).expect(400);
    expect(forged.body.code).toBe('validation_failed');
  });

  it('a flagged wave (≥ 30 % overturned over ≥ 10 decisions) raises the priority of its open appeals by 10', async () => {
    const waveId = randomUUID();
    await app.query(
      `INSERT INTO waves (id, name, detector, created_by) VALUES ($1, 'vpn-relays', 'vpn-v1', 'enforcer_1')`,
      [waveId],
    );
    const open = await suspendAndAppeal(app, {
      waveId,
      automatedDecision: false,
      frozenBalance: { amountMinor: 0, currency: 'USD' },
    });
    const before = await app.http.get(`/v1/appeals/${open.appealId}`).set(reviewer()).expect(200);
    expect(before.body.priority).toBe(0);
    for (let i = 0; i < 10; i += 1) {
      const f = await suspendAndAppeal(app, { waveId });
      await act(app, f.appealId, 'claim', ['rev_q', 'reviewer']);
      await act(app, f.appealId, 'decision', ['rev_q', 'reviewer'], {
        outcome: i < 3 ? 'overturned' : 'upheld',
        rationale: 'Decided as part of the wave review test.',
      });
    }
    // the worker re-prioritises the wave's open appeals after the decision that flipped the flag
    await app.startWorker();
    const after = await eventually(
      async () => {
        const { body } = await app.http.get(`/v1/appeals/${open.appealId}`).set(reviewer()).expect(200);
        return body.priority === 10 ? body : null;
      },
      20_000,
      'the re-prioritised appeal',
    );
    expect(after.version).toBeGreaterThan(before.body.version);
  });
});
