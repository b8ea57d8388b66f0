import { AppProcess, eventually, suspensionRequest, TestApp } from '@redress/testing';
import { whsecSecret } from '@redress/testing/webhook-verifiers';
import request from 'supertest';
import { WebhookReceiver } from '../notifications-receivers';
import { FakePayoutProvider } from '../refunds-support';
import { RoundRobinFront } from './round-robin-front';

/** Small loads, real processes: what matters is that every promise holds across them, not the volume. */
const WAVE = 1_000;
const FILINGS = 100;
const REVIEWERS = 10;
const DECISIONS = 40;
const BULK_NOTICES_PER_SECOND = 250;
const SECRET = whsecSecret('topology webhook secret');
/** Six apps compiled on the fly side by side on two cores. */
const PROCESS_START_MS = 180_000;
const PROCESSES_START_MS = PROCESS_START_MS + 30_000;
/** The whole run: ingest, filings, decisions, payouts, the bulk decision and every notice after it. */
const RUN_MS = 420_000;
const RATIONALE = 'The detector flagged a corporate VPN egress shared by thousands of users.';

type Answer = { status: number; body: Record<string, unknown> };

describe('Many processes: 3 API and 3 worker processes behind a round-robin front, one killed of each midway', () => {
  let app: TestApp;
  let receiver: WebhookReceiver;
  let payouts: FakePayoutProvider;
  let apis: AppProcess[];
  let workers: AppProcess[];
  let front: RoundRobinFront;
  const report: Record<string, number> = {};

  beforeAll(async () => {
    [receiver, payouts] = await Promise.all([WebhookReceiver.start(SECRET), FakePayoutProvider.start()]);
    app = await TestApp.start('topology_many_processes', {
      worker: false,
      env: {
        RATE_LIMIT_PER_MINUTE: '100000',
        NOTIFY_WEBHOOK_URL: receiver.url('/notify'),
        PLATFORM_WEBHOOK_URL: receiver.url('/platform'),
        NOTIFY_WEBHOOK_SECRET: SECRET,
        BULK_NOTICES_PER_SECOND: String(BULK_NOTICES_PER_SECOND),
        ...payouts.env(),
      },
    });
    // each compiles itself on start: six at once on two cores take longer than one alone
    const start = (kind: 'api' | 'worker') =>
      AppProcess.start(kind, app.env, { startTimeoutMs: PROCESS_START_MS });
    const started = await Promise.all([
      ...[0, 1, 2].map(() => start('api')),
      ...[0, 1, 2].map(() => start('worker')),
    ]);
    apis = started.slice(0, 3);
    workers = started.slice(3);
    front = await RoundRobinFront.start(() => apis.filter((a) => a.running).map((a) => a.port!));
  }, PROCESSES_START_MS);
  afterAll(async () => {
    await front?.close();
    await Promise.all([...(apis ?? []), ...(workers ?? [])].map((p) => p.kill()));
    await Promise.all([receiver?.close(), payouts?.close()]);
    await app?.close();
    process.stdout.write(`topology run: ${JSON.stringify(report)}\n`);
  });

  /**
   * A call through the front. A request cut off by a dying API (502) is sent again with the same
   * headers — the Idempotency-Key makes a write happen once — as a client of a real balancer would.
   */
  async function call(method: 'get' | 'post', path: string, auth: object, body?: object, key?: string) {
    for (let attempt = 0; ; attempt += 1) {
      let req = request(front.url)
        [method](path)
        .set(auth as Record<string, string>);
      if (key) req = req.set('Idempotency-Key', key);
      const res = body ? await req.send(body) : await req;
      if ((res.status !== 502 && res.status !== 503) || attempt === 5) return res as unknown as Answer;
      report.retriedRequests = (report.retriedRequests ?? 0) + 1;
    }
  }
  const as = (sub: string, ...roles: string[]) =>
    app.bearer(sub, ...(roles as Parameters<TestApp['bearer']>[1][]));

  it(
    'keeps every promise: notices once, webhooks at least once, refunds paid once, decisions once, books balanced, chain intact',
    async () => {
      const enforcement = as('enforcer_1', 'enforcement');
      const wave = await call('post', '/v1/waves', enforcement, {
        name: 'topology',
        detector: 'vpn-relay-v2',
        description: 'Corporate proxies flagged',
      });
      expect(wave.status).toBe(201);
      const waveId = wave.body.id as string;
      const items = Array.from({ length: WAVE }, (_, i) => {
        const { waveId: _w, ...item } = suspensionRequest({
          externalRef: `topo-${i}`,
          accountId: `topo_${i}`,
        });
        return item;
      });
      const batch = await call('post', '/v1/suspensions/batch', enforcement, { waveId, items });
      expect(batch.body).toEqual({ created: WAVE, skipped: 0 });
      const suspensions = await app.query<{ id: string; account_id: string }>(
        'SELECT id, account_id FROM suspensions WHERE wave_id = $1 ORDER BY account_id',
        [waveId],
      );

      // the filings, ten at a time; halfway a worker and an API are SIGKILLed
      const filed: string[] = [];
      for (let i = 0; i < FILINGS; i += 10) {
        if (i === FILINGS / 2) {
          workers[0].signal('SIGKILL');
          apis[0].signal('SIGKILL');
        }
        const answers = await Promise.all(
          suspensions.slice(i, i + 10).map((s) =>
            call(
              'post',
              '/v1/appeals',
              as(s.account_id, 'appellant'),
              {
                suspensionId: s.id,
                statement: 'We share a corporate VPN with thousands of colleagues.',
                requestedRemedy: 'reinstate_or_refund',
              },
              `file-${s.id}`,
            ),
          ),
        );
        for (const answer of answers) {
          expect(answer.status).toBe(201);
          filed.push(answer.body.id as string);
        }
      }
      expect(new Set(filed).size).toBe(FILINGS);

      // ten reviewers take the next case and decide it: every third upheld with a refund, the rest overturned
      let decided = 0;
      await Promise.all(
        Array.from({ length: REVIEWERS }, async (_, r) => {
          const reviewer = as(`rev_${r}`, 'reviewer');
          while (decided < DECISIONS) {
            const next = await call('post', '/v1/review/next', reviewer, {});
            if (next.status === 204) return;
            expect(next.status).toBe(200);
            const n = decided++;
            const decision =
              n % 3 === 0
                ? { outcome: 'upheld', rationale: RATIONALE, refund: { amountMinor: 5000 } }
                : { outcome: 'overturned', rationale: RATIONALE };
            const answer = await call(
              'post',
              `/v1/appeals/${next.body.id}/decision`,
              reviewer,
              decision,
              `decide-${next.body.id}`,
            );
            expect(answer).toMatchObject({ status: 200 });
          }
        }),
      );

      // finance approves every proposed refund; the workers pay them through the payout webhook
      const proposed = await app.query<{ id: string }>(`SELECT id FROM refunds WHERE status = 'proposed'`);
      for (const { id } of proposed) {
        const answer = await call(
          'post',
          `/v1/refunds/${id}/approve`,
          as('fin_1', 'finance'),
          {},
          `approve-${id}`,
        );
        expect(answer.status).toBe(200);
      }

      // a second worker is told to stop; the last one runs the wave-wide decision
      workers[1].signal('SIGTERM');
      expect(await workers[1].exitWithin(15_000)).toBeDefined();
      const senior = as('senior_1', 'senior_reviewer');
      const bulk = await call(
        'post',
        `/v1/waves/${waveId}/bulk-decision`,
        senior,
        {
          outcome: 'overturned',
          rationale: RATIONALE,
          includeUnappealed: true,
        },
        `bulk-${waveId}`,
      );
      expect(bulk.status).toBe(202);
      const job = await eventually(
        async () => {
          const { body } = await call('get', `/v1/jobs/${bulk.body.jobId}`, senior);
          return body.state === 'completed' ? body : null;
        },
        120_000,
        'the bulk decision',
      );
      expect(job).toMatchObject({ failed: 0 });
      expect(job.processed).toBe(job.total);

      // everything owed is done: outbox empty, every notification sent, every refund paid
      await eventually(
        async () => {
          const [{ owed }] = await app.query<{ owed: number }>(
            `SELECT (SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL)
              + (SELECT count(*) FROM notifications WHERE status <> 'sent')
              + (SELECT count(*) FROM refunds WHERE status NOT IN ('paid', 'rejected'))::int AS owed`,
          );
          return Number(owed) === 0;
        },
        180_000,
        'every event, notice and payout done',
      );

      // inbox: each event's notice exactly once
      const [{ duplicates, waveNotices, received }] = await app.query<{
        duplicates: number;
        waveNotices: number;
        received: number;
      }>(
        `SELECT (SELECT count(*) FROM (SELECT event_id FROM notifications WHERE channel = 'inbox'
                 GROUP BY event_id HAVING count(*) > 1) d)::int AS duplicates,
              (SELECT count(*) FROM notifications n JOIN suspensions s ON s.id::text = n.data->>'suspensionId'
                WHERE n.channel = 'inbox' AND n.event_type = 'suspension.noticed' AND s.wave_id = $1)::int AS "waveNotices",
              (SELECT count(*) FROM notifications WHERE channel = 'inbox' AND event_type = 'appeal.received')::int AS received`,
        [waveId],
      );
      expect({ duplicates, waveNotices, received }).toEqual({
        duplicates: 0,
        waveNotices: WAVE,
        received: FILINGS,
      });

      // webhooks: every one delivered at least once, under one id; duplicates counted
      const owed = await app.query<{ event_id: string }>(
        `SELECT DISTINCT event_id FROM notifications WHERE channel = 'webhook'`,
      );
      const arrivals = receiver.received.filter((r) => r.signatureValid);
      const arrived = new Set(arrivals.map((r) => r.event.id));
      const lost = owed.filter((w) => !arrived.has(w.event_id)).length;
      Object.assign(report, {
        webhookEvents: owed.length,
        webhookDeliveries: arrivals.length,
        webhookDuplicates: arrivals.length - new Set(arrivals.map((r) => `${r.path} ${r.event.id}`)).size,
        webhooksLost: lost,
        inboxNotices: waveNotices + received,
      });
      expect(lost).toBe(0);

      // refunds: each paid exactly once at the provider, by its Idempotency-Key
      const refunds = await app.query<{ id: string; status: string }>(`SELECT id, status FROM refunds`);
      expect(refunds.length).toBeGreaterThan(0);
      expect(refunds.every((r) => r.status === 'paid')).toBe(true);
      const keysPerRefund = new Map<string, Set<string>>();
      for (const r of payouts.received)
        keysPerRefund.set(
          r.body.refundId,
          (keysPerRefund.get(r.body.refundId) ?? new Set()).add(r.idempotencyKey!),
        );
      expect(refunds.every((r) => keysPerRefund.get(r.id)?.size === 1)).toBe(true);
      expect(payouts.payments.size).toBe(refunds.length);
      Object.assign(report, { refundsPaid: payouts.payments.size, payoutRequests: payouts.received.length });

      // no appeal decided twice, no suspension lifted twice; every one of the wave ended lifted or upheld
      const [{ twiceDecided, twiceLifted, active }] = await app.query<{
        twiceDecided: number;
        twiceLifted: number;
        active: number;
      }>(
        `SELECT (SELECT count(*) FROM (SELECT entity_id FROM audit_events WHERE entity_type = 'appeal'
                 AND action IN ('appeal.decide', 'appeal.lift', 'appeal.bulk_decide') GROUP BY entity_id HAVING count(*) > 1) d)::int AS "twiceDecided",
              (SELECT count(*) FROM (SELECT entity_id FROM audit_events WHERE entity_type = 'suspension'
                 AND action LIKE '%lift%' GROUP BY entity_id HAVING count(*) > 1) l)::int AS "twiceLifted",
              (SELECT count(*) FROM suspensions s WHERE s.wave_id = $1 AND s.status = 'active'
                 AND NOT EXISTS (SELECT 1 FROM appeals a WHERE a.suspension_id = s.id AND a.decision_outcome = 'upheld'))::int AS active`,
        [waveId],
      );
      expect({ twiceDecided, twiceLifted, active }).toEqual({ twiceDecided: 0, twiceLifted: 0, active: 0 });

      // the books balance per currency, and the audit chain verifies
      const unbalanced = await app.query(
        `SELECT currency FROM ledger_legs GROUP BY currency HAVING sum(amount_minor) <> 0
       UNION ALL SELECT currency FROM ledger_legs GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0`,
      );
      expect(unbalanced).toEqual([]);
      const verify = await call('get', '/v1/audit/verify', as('admin_1', 'admin'));
      expect(verify.body).toMatchObject({ ok: true });

      // the bulk lane's pace held across the workers: the wave's notices took at least WAVE / pace seconds
      const [{ seconds }] = await app.query<{ seconds: number }>(
        `SELECT extract(epoch FROM max(processed_at) - min(processed_at))::float AS seconds
         FROM outbox_messages WHERE lane = 'bulk' AND type = 'suspension.noticed'`,
      );
      report.waveNoticeSeconds = Math.round(seconds * 10) / 10;
      expect(seconds).toBeGreaterThanOrEqual(WAVE / BULK_NOTICES_PER_SECOND - 1);
    },
    RUN_MS,
  );
});
