import { eventually, suspensionRequest, TestApp, TestRedisCluster } from '@redress/testing';
import { whsecSecret } from '@redress/testing/webhook-verifiers';
import { WebhookReceiver } from '../notifications-receivers';

const SECRET = whsecSecret('cluster webhook secret');
const WAVE_SIZE = 400;
/** Slow enough that the failover lands while the wave's notices are still going out. */
const BULK_NOTICES_PER_SECOND = 100;
const CLUSTER_START_MS = 60_000;

describe('Redis Cluster: the queues, the rate limits and the notices on a real cluster, through a master failover', () => {
  let cluster: TestRedisCluster;
  let receiver: WebhookReceiver;
  let app: TestApp;
  const enforcement = () => app.bearer('enforcer_1', 'enforcement');
  const prefix = () => app.env.REDIS_KEY_PREFIX;

  beforeAll(async () => {
    [cluster, receiver] = await Promise.all([TestRedisCluster.start(), WebhookReceiver.start(SECRET)]);
    app = await TestApp.start('topology_redis_cluster', {
      env: {
        REDIS_CLUSTER_NODES: cluster.nodes,
        // REDIS_URL is ignored with a cluster: pointed at nothing, any use of it would fail the test
        REDIS_URL: 'redis://127.0.0.1:1',
        NOTIFY_WEBHOOK_URL: receiver.url('/notify'),
        NOTIFY_WEBHOOK_SECRET: SECRET,
        BULK_NOTICES_PER_SECOND: String(BULK_NOTICES_PER_SECOND),
      },
    });
  }, CLUSTER_START_MS);
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    await cluster?.close();
  });

  const deliveredFor = (suspensionIds: Set<string>) =>
    new Set(
      receiver
        .for((e) => e.type === 'suspension.noticed' && suspensionIds.has(e.data.suspensionId as string))
        .map((r) => r.event.data.suspensionId as string),
    );

  it('sends a suspension notice to the inbox and the webhook, with every queue key under the hash-tagged prefix', async () => {
    const { body: suspension } = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .send(suspensionRequest())
      .expect(201);
    await eventually(async () => {
      const rows = await app.query<{ status: string }>(
        `SELECT status FROM notifications WHERE data->>'suspensionId' = $1`,
        [suspension.id],
      );
      return rows.length === 2 && rows.every((r) => r.status === 'sent');
    }, 20_000);
    expect(deliveredFor(new Set([suspension.id])).size).toBe(1);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);

    // BullMQ's keys all hash to the prefix's slot; the rate-limit counters live on the cluster too
    expect(await cluster.countKeys(`{${prefix()}}:*`)).toBeGreaterThan(0);
    await app.http.post('/v1/access-links').send({ email: 'someone@example.com' }).expect(202);
    expect(await cluster.countKeys(`${prefix()}:rate:*`)).toBeGreaterThan(0);
    await app.http.get('/health/ready').expect(200);
  });

  it("loses no notice of a wave when the queues' master fails over in the middle of its deliveries", async () => {
    const { body: wave } = await app.http
      .post('/v1/waves')
      .set(enforcement())
      .send({ name: 'cluster-failover', detector: 'vpn-relay-v2', description: 'Corporate proxies flagged' })
      .expect(201);
    const items = Array.from({ length: WAVE_SIZE }, (_, i) => {
      const { waveId: _w, ...item } = suspensionRequest({
        externalRef: `cluster-${i}`,
        accountId: `cluster_${i}`,
      });
      return item;
    });
    const { body: batch } = await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement())
      .send({ waveId: wave.id, items })
      .expect(200);
    expect(batch.created).toBe(WAVE_SIZE);
    const rows = await app.query<{ id: string }>('SELECT id FROM suspensions WHERE wave_id = $1', [wave.id]);
    const ids = new Set(rows.map((r) => r.id));

    await eventually(async () => deliveredFor(ids).size >= WAVE_SIZE / 8, 30_000, 'the first notices');
    const oldMaster = await cluster.masterOf(`{${prefix()}}`);
    const newMaster = await cluster.failOver(`{${prefix()}}`);
    expect(newMaster).not.toBe(oldMaster);
    expect(deliveredFor(ids).size).toBeLessThan(WAVE_SIZE); // the failover came mid-wave

    await eventually(
      async () => deliveredFor(ids).size === WAVE_SIZE,
      60_000,
      'every notice after the failover',
    );
    // and each one is recorded as sent, on both channels (the record follows the delivery)
    await eventually(
      async () => {
        const [{ sent }] = await app.query<{ sent: number }>(
          `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM notifications
          WHERE data->>'suspensionId' = ANY($1)`,
          [[...ids]],
        );
        return sent === 2 * WAVE_SIZE;
      },
      30_000,
      'every notice recorded as sent',
    );
  });
});
