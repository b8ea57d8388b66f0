import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eventually, TestApp, TestRedisServer } from '@redress/testing';
import { WebhookReceiver } from './notifications-receivers';

const SECRET = 'whsec_recovery_0123456789abcdef';
const BATCH = 200;
const ROOT = join(__dirname, '..');

/**
 * The real worker in a process of its own, so a test can SIGKILL it. No TypeScript runner is installed,
 * so the child compiles the sources with swc on require, as jest does.
 */
class WorkerProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(env: Record<string, string>): Promise<WorkerProcess> {
    const script = `
      const fs = require('node:fs');
      const path = require('node:path');
      const swc = require('@swc/core');
      const swcrc = JSON.parse(fs.readFileSync('.swcrc', 'utf8'));
      require.extensions['.ts'] = (module, filename) => {
        const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
          ...swcrc, swcrc: false, filename, jsc: { ...swcrc.jsc, baseUrl: process.cwd() },
        });
        module._compile(code, filename);
      };
      require('reflect-metadata');
      require(path.resolve('apps/worker/create-worker-app.ts'))
        .createWorkerApp(JSON.parse(process.env.REDRESS_TEST_WORKER_ENV))
        .then(() => process.stdout.write('worker ready\\n'));
    `;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, REDRESS_TEST_WORKER_ENV: JSON.stringify(env) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('worker ready') && resolve());
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${stderr.slice(-2000)}`)));
    });
    return new WorkerProcess(child);
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}

describe('Notifications survive a crashed worker and an emptied Redis', () => {
  let app: TestApp;
  let redis: TestRedisServer;
  let receiver: WebhookReceiver;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    receiver = await WebhookReceiver.start(SECRET);
    app = await TestApp.start('notifications_recovery', {
      worker: false,
      env: { REDIS_URL: redis.url, NOTIFY_WEBHOOK_URL: receiver.url(), NOTIFY_WEBHOOK_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    await worker?.kill('SIGKILL');
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
    worker = await WorkerProcess.start(app.env);
    receiver.holdAfter(60);
    const eventIds = await emitEvents(BATCH);

    // the worker is in the middle of the batch: every event turned into its deliveries, 60 of those
    // delivered, more in flight at a receiver that hangs, the rest waiting in the queue
    await eventually(async () => (await undispatched(eventIds)) === 0, 30_000, 'all events dispatched');
    await eventually(async () => receiver.heldCount > 0, 30_000, 'deliveries in flight');
    await worker.kill('SIGKILL');
    receiver.release();
    const [{ sent }] = await app.query<{ sent: string }>(
      `SELECT count(*) AS sent FROM notifications WHERE event_id = ANY($1) AND channel = 'webhook' AND status = 'sent'`,
      [eventIds],
    );
    expect(Number(sent)).toBeLessThan(BATCH);

    worker = await WorkerProcess.start(app.env);
    await expectAllDelivered(eventIds);
    await worker.kill('SIGTERM');
  }, 180_000);

  it('re-enqueues deliveries whose jobs vanished when Redis restarted empty', async () => {
    worker = await WorkerProcess.start(app.env);
    receiver.holdAfter(20);
    const eventIds = await emitEvents(100);
    // every event is dispatched (nothing left for the outbox relay): only the delivery log knows what is owed
    await eventually(async () => (await undispatched(eventIds)) === 0, 30_000, 'all events dispatched');
    await eventually(async () => receiver.heldCount > 0, 30_000, 'deliveries in flight');

    await redis.kill();
    await redis.restart(); // no persistence: every queued delivery job is gone
    receiver.release();
    await expectAllDelivered(eventIds);
    await worker.kill('SIGTERM');
  }, 180_000);
});
