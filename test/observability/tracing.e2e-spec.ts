import { AppProcess, eventually, STATEMENT, suspensionRequest, TestApp } from '@redress/testing';
import { OtlpReceiver } from '@redress/testing/otlp-receiver';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { WebhookReceiver } from '../notifications-receivers';

const SECRET = 'tracing-webhook-secret';
/** Two apps compiled on the fly side by side, each given AppProcess's minute, on a machine the suite keeps busy. */
const PROCESSES_START_MS = 150_000;

describe('Tracing: one trace from the request to the webhook', () => {
  let app: TestApp;
  let collector: OtlpReceiver;
  let receiver: WebhookReceiver;
  let api: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    collector = await OtlpReceiver.start();
    receiver = await WebhookReceiver.start(SECRET);
    app = await TestApp.start('observability_tracing', {
      worker: false,
      env: { NOTIFY_WEBHOOK_URL: receiver.url(), NOTIFY_WEBHOOK_SECRET: SECRET },
    });
    const traced = {
      ...app.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // spans leave within a tenth of a second instead of the SDK's default 5 s
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    // (captured output runs them at LOG_LEVEL debug: every line either can write)
    [api, worker] = await Promise.all([
      AppProcess.start('api', traced, { captureOutput: true }),
      AppProcess.start('worker', traced, { captureOutput: true }),
    ]);
  }, PROCESSES_START_MS);
  afterAll(async () => {
    await Promise.all([api?.kill(), worker?.kill()]);
    await receiver.close();
    await collector.close();
    await app.close();
  });

  it('joins POST /v1/appeals (incoming traceparent), the relay, the dispatch and the webhook delivery', async () => {
    const suspension = suspensionRequest();
    const created = await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(suspension)
      .expect(201);
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const filed = await request(api.url)
      .post('/v1/appeals')
      .set(app.bearer(suspension.accountId as string, 'appellant'))
      .set('traceparent', `00-${traceId}-${callerSpanId}-01`)
      .send({ suspensionId: created.body.id, statement: STATEMENT, requestedRemedy: 'reinstate' })
      .expect(201);

    const [stored] = await app.query<{ id: string; traceparent: string }>(
      `SELECT id, traceparent FROM outbox_messages WHERE payload->>'appealId' = $1`,
      [filed.body.id],
    );
    expect(stored.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const webhook = await eventually(
      async () => receiver.for((e) => e.data.appealId === filed.body.id)[0],
      20_000,
      'the appeal notice webhook',
    );
    expect(webhook.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const spans = await eventually(
      async () => {
        const trace = collector.trace(traceId);
        return trace.some((s) => s.name === 'deliver webhook') ? trace : undefined;
      },
      20_000,
      'the spans of the trace',
    );
    const named = (service: string, pattern: RegExp) =>
      spans.find((s) => s.service === service && pattern.test(s.name));
    const server = named('redress-api', /^POST \/v1\/appeals$/);
    const relay = named('redress-worker', /^outbox relay appeal\./);
    const dispatch = named('redress-worker', /^dispatch appeal\./);
    const delivery = named('redress-worker', /^deliver webhook$/);
    expect({ server, relay, dispatch, delivery }).toEqual({
      server: expect.objectContaining({ parentSpanId: callerSpanId }),
      relay: expect.anything(),
      dispatch: expect.anything(),
      delivery: expect.anything(),
    });
    // each hop is a child of the one before; the receiver is handed the delivery's span
    expect(spans.find((s) => s.spanId === relay!.parentSpanId)?.service).toBe('redress-api');
    expect(dispatch!.parentSpanId).toBe(relay!.spanId);
    expect(webhook.headers.traceparent).toContain(delivery!.spanId);
    expect(spans.some((s) => s.service === 'redress-api' && /INSERT|pg|query/i.test(s.name))).toBe(true);

    // every line either process wrote is JSON; those written inside a span carry its ids
    const lines = [api.output, worker.output].flatMap((o) => o.trim().split('\n'));
    const logs = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logs.find((l) => l.msg === 'event dispatched' && l.eventId === stored.id)).toMatchObject({
      traceId,
      spanId: dispatch!.spanId,
    });
    expect(logs.find((l) => l.msg === 'redress-worker started')).toBeDefined();
  });
});
