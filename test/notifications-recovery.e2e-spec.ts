import { whsecSecret } from '@redress/testing/webhook-verifiers';
import { randomUUID } from 'node:crypto';
import { AppProcess, eventually, TestApp, TestRedisServer } from '@redress/testing';
import { WebhookReceiver } from './notifications-receivers';

const SECRET = whsecSecret('recovery webhook secret');
const BATCH = 200;

describe('Notifications survive a crashed worker and an emptied Redis', () => {
  let app: TestApp;
  let redis: TestRedisServer;
  let receiver: WebhookReceiver;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    receiver = await WebhookReceiver.start(SECRET);
    app = await TestApp.start('notifications_recovery', {
      worker: false,
      env: { REDIS_URL: redis.url, NOTIFY_WEBHOOK_URL: receiver.url(), NOTIFY_WEBHOOK_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    await worker?.kill();
    await app.close();
    await receiver.close();
    await redis.kill();
  });

  /** `count` appeal.received events for distinct accounts, written to the outbox in one statement. */
  async function emitEvents(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await app.query(
      `INSERT INTO outbox_messages (id, type, payload)
       SELECT id, 'appeal.received',
              jsonb_build_object('appealId', gen_random_uuid(), 'suspensionId', gen_random_uuid(),
                                 'accountId', 'acct_' || id, 'locale', 'en',
                                 'submittedAt', now(), 'decisionDueAt', now() + interval '14 days')
         FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    return ids;
  }

  const undispatched = async (eventIds: string[]) =>
    Number(
      (
        await app.query<{ n: string }>(
          `SELECT count(*) AS n FROM outbox_messages WHERE id = ANY($1) AND processed_at IS NULL`,
          [eventIds],
        )
      )[0].n,
    );

  async function expectAllDelivered(eventIds: string[]): Promise<void> {
    const owed = async () =>
      Number(
        (
          await app.query<{ n: string }>(
            `SELECT count(*) AS n FROM notifications WHERE event_id = ANY($1) AND channel = 'webhook' AND status = 'sent'`,
            [eventIds],
          )
        )[0].n,
      );
    await eventually(async () => (await owed()) === eventIds.length, 120_000, 'every webhook sent');

    // in-app inbox: exactly once per event
    const inbox = await app.query<{ event_id: string; n: string }>(
      `SELECT event_id, count(*) AS n FROM notifications WHERE event_id = ANY($1) AND channel = 'inbox' GROUP BY event_id`,
      [eventIds],
    );
    expect(inbox).toHaveLength(eventIds.length);
    expect(inbox.every((r) => r.n === '1')).toBe(true);
    // webhook: at least once, every copy the same signed event
    const accepted = new Set(
      receiver.received.filter((r) => r.answeredStatus === 200 && r.signatureValid).map((r) => r.event.id),
    );
    expect(eventIds.filter((id) => !accepted.has(id))).toEqual([]);
  }

  it(`delivers every one of ${BATCH} events after the worker is SIGKILLed mid-batch and restarted`, async () => {
    worker = await AppProcess.start('worker', app.env);
    receiver.holdAfter(60);
    const eventIds = await emitEvents(BATCH);

    // the worker is in the middle of the batch: every event turned into its deliveries, 60 of those
    // delivered, more in flight at a receiver that hangs, the rest waiting in the queue
    await eventually(async () => (await undispatched(eventIds)) === 0, 30_000, 'all events dispatched');
    await eventually(async () => receiver.heldCount > 0, 30_000, 'deliveries in flight');
    await worker.kill();
    receiver.release();
    const [{ sent }] = await app.query<{ sent: string }>(
      `SELECT count(*) AS sent FROM notifications WHERE event_id = ANY($1) AND channel = 'webhook' AND status = 'sent'`,
      [eventIds],
    );
    expect(Number(sent)).toBeLessThan(BATCH);

    worker = await AppProcess.start('worker', app.env);
    await expectAllDelivered(eventIds);
    worker.signal('SIGTERM');
    await worker.exited;
  }, 180_000);

  it('re-enqueues deliveries whose jobs vanished when Redis restarted empty', async () => {
    worker = await AppProcess.start('worker', app.env);
    receiver.holdAfter(20);
    const eventIds = await emitEvents(100);
    // every event is dispatched (nothing left for the outbox relay): only the delivery log knows what is owed
    await eventually(async () => (await undispatched(eventIds)) === 0, 30_000, 'all events dispatched');
    await eventually(async () => receiver.heldCount > 0, 30_000, 'deliveries in flight');

    await redis.kill();
    await redis.restart(); // no persistence: every queued delivery job is gone
    receiver.release();
    await expectAllDelivered(eventIds);
    worker.signal('SIGTERM');
    await worker.exited;
  }, 180_000);
});
