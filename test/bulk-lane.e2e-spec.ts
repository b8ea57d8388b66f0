import { whsecSecret } from '@redress/testing/webhook-verifiers';
import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import { WebhookReceiver } from './notifications-receivers';

const SECRET = whsecSecret('bulk-lane webhook secret');

describe('Bulk lane: a ban wave’s notices dispatched in chunks', () => {
  let app: TestApp;
  let receiver: WebhookReceiver;
  const enforcement = () => app.bearer('enforcer_1', 'enforcement');

  beforeAll(async () => {
    receiver = await WebhookReceiver.start(SECRET);
    app = await TestApp.start('bulk-lane', {
      worker: false,
      env: {
        RATE_LIMIT_PER_MINUTE: '100000',
        NOTIFY_WEBHOOK_URL: receiver.url('/notify'),
        NOTIFY_WEBHOOK_SECRET: SECRET,
        NOTIFY_BACKOFF_MS: '20',
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it('dispatches and delivers every event of a chunk once; what fails holds up only itself', async () => {
    const items = Array.from({ length: 120 }, (_, i) => {
      const { waveId: _w, ...item } = suspensionRequest({ externalRef: `bulk-lane-${i}` });
      return item;
    });
    await app.http.post('/v1/suspensions/batch').set(enforcement()).send({ items }).expect(200);
    const accounts = items.map((i) => i.accountId as string);
    // an event no dispatch can take (its suspension id is not a uuid), in the middle of the first chunk
    const [poisoned] = await app.query<{ id: string }>(
      `UPDATE outbox_messages SET payload = jsonb_set(payload, '{suspensionId}', '"not-a-uuid"')
        WHERE id = (SELECT id FROM outbox_messages WHERE lane = 'bulk' AND payload->>'accountId' = $1)
        RETURNING id`,
      [accounts[10]],
    );

    // two webhooks that fail twice: they continue on their own after the chunk, and arrive third time
    const events = await app.query<{ id: string }>(
      `SELECT id FROM outbox_messages WHERE lane = 'bulk' AND payload->>'accountId' = ANY($1) ORDER BY id`,
      [[accounts[3], accounts[70]]],
    );
    for (const { id } of events) receiver.script(id, [500, 503, 200]);

    await app.startWorker();
    const inbox = async () =>
      app.query<{ recipient: string; copies: string }>(
        `SELECT recipient, count(*) AS copies FROM notifications
          WHERE channel = 'inbox' AND recipient = ANY($1) GROUP BY recipient`,
        [accounts],
      );
    await eventually(async () => (await inbox()).length === 119, 30_000, '119 inbox notices');
    expect((await inbox()).every((r) => r.copies === '1')).toBe(true);
    expect((await inbox()).map((r) => r.recipient)).not.toContain(accounts[10]);
    const unprocessed = await app.query<{ id: string }>(
      `SELECT id FROM outbox_messages WHERE lane = 'bulk' AND processed_at IS NULL`,
    );
    expect(unprocessed).toEqual([{ id: poisoned.id }]);

    const webhooks = async () =>
      app.query<{ event_id: string; status: string; attempts: number }>(
        `SELECT event_id, status, attempts FROM notifications WHERE channel = 'webhook' AND recipient_type = 'account'`,
      );
    await eventually(
      async () => (await webhooks()).filter((w) => w.status === 'sent').length === 119,
      30_000,
      '119 webhooks sent',
    );
    const scripted = new Set(events.map((e) => e.id));
    for (const w of await webhooks()) expect(w.attempts).toBe(scripted.has(w.event_id) ? 3 : 1);
    const arrivals = new Map<string, number>();
    for (const r of receiver.received) arrivals.set(r.event.id, (arrivals.get(r.event.id) ?? 0) + 1);
    expect(arrivals.size).toBe(119);
  });
});
