import { eventually, suspensionRequest, TestApp } from '@redress/testing';

const PER_SECOND = 50; // the lowest pace allowed; the relay keeps 5 s of it queued
const AHEAD = 5 * PER_SECOND;

describe('Bulk lane pacing: a wave is relayed no faster than it is sent', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('bulk-lane-pacing', {
      worker: false,
      env: { RATE_LIMIT_PER_MINUTE: '100000', BULK_NOTICES_PER_SECOND: String(PER_SECOND) },
    });
  });
  afterAll(() => app.close());

  it('keeps at most a few seconds of the wave in the queue, the rest in the outbox, and sends it all', async () => {
    const items = Array.from({ length: 600 }, (_, i) => {
      const { waveId: _w, ...item } = suspensionRequest({ externalRef: `paced-${i}` });
      return item;
    });
    await app.http
      .post('/v1/suspensions/batch')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send({ items })
      .expect(200);
    await app.startWorker();
    const counts = async () =>
      (
        await app.query<{ relayed: number; left: number }>(
          `SELECT count(*) FILTER (WHERE relayed_at IS NOT NULL)::int AS relayed, count(*)::int AS left
             FROM outbox_messages WHERE lane = 'bulk' AND processed_at IS NULL`,
        )
      )[0];
    const seen: number[] = [];
    await eventually(
      async () => {
        const { relayed, left } = await counts();
        seen.push(relayed);
        return left === 0;
      },
      60_000,
      'every bulk event processed',
    );
    // queued ahead never exceeds the allowance (plus one relay round's worth in flight)
    expect(Math.max(...seen)).toBeLessThanOrEqual(AHEAD + 50);
    expect(seen.some((n) => n > 0)).toBe(true);
    const [{ inbox }] = await app.query<{ inbox: number }>(
      `SELECT count(*)::int AS inbox FROM notifications WHERE channel = 'inbox' AND event_type = 'suspension.noticed'`,
    );
    expect(inbox).toBe(600);
  });
});
