import { whsecSecret } from '@redress/testing/webhook-verifiers';
import { randomUUID } from 'node:crypto';
import { signWebhook } from '@redress/kernel';
import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import { WebhookReceiver } from './notifications-receivers';

const SECRET = whsecSecret('notification webhook secret');
const MAX_ATTEMPTS = 4;

describe('Notifications by webhook: signed, retried with backoff, dead letters visible to staff and redelivered', () => {
  let app: TestApp;
  let receiver: WebhookReceiver;
  const enforcement = () => app.bearer('enforcer_1', 'enforcement');
  const reviewer = () => app.bearer('reviewer_1', 'reviewer');
  const admin = () => app.bearer('admin_1', 'admin');

  beforeAll(async () => {
    receiver = await WebhookReceiver.start(SECRET);
    app = await TestApp.start('notifications_webhooks', {
      env: {
        NOTIFY_WEBHOOK_URL: receiver.url('/notify'),
        PLATFORM_WEBHOOK_URL: receiver.url('/platform'),
        NOTIFY_WEBHOOK_SECRET: SECRET,
        NOTIFY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        NOTIFY_BACKOFF_MS: '20',
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  /** A suspension through the API and an appeal on it (the appeals API is another issue's). */
  async function appealOnNewSuspension(): Promise<{
    appealId: string;
    suspensionId: string;
    accountId: string;
  }> {
    const body = suspensionRequest();
    const { body: suspension } = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .send(body)
      .expect(201);
    const appealId = randomUUID();
    await app.query(
      `INSERT INTO appeals (id, suspension_id, account_id, status, statement, requested_remedy, priority, reason_code,
                            submitted_at, decision_due_at)
       VALUES ($1, $2, $3, 'submitted', 'The traffic was our own evaluation harness.', 'reinstate', 40,
               'model_distillation', now(), now() + interval '14 days')`,
      [appealId, suspension.id, body.accountId],
    );
    return { appealId, suspensionId: suspension.id, accountId: body.accountId as string };
  }

  /** The appeal.received event, as the filing use-case writes it to the outbox. */
  async function appealReceived(ids: { appealId: string; suspensionId: string; accountId: string }) {
    const eventId = randomUUID();
    await app.query(`INSERT INTO outbox_messages (id, type, payload) VALUES ($1, 'appeal.received', $2)`, [
      eventId,
      {
        ...ids,
        accountEmail: `${ids.accountId}@example.com`,
        locale: 'en',
        submittedAt: new Date().toISOString(),
        decisionDueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      },
    ]);
    return eventId;
  }

  const webhookRow = async (eventId: string) =>
    (
      await app.query<{ id: string; status: string; attempts: number; last_error: string | null }>(
        `SELECT id, status, attempts, last_error FROM notifications WHERE event_id = $1 AND channel = 'webhook'`,
        [eventId],
      )
    )[0];

  it('signs the event so the receiver can verify it, names objects only, and a tampered body is rejected', async () => {
    const body = suspensionRequest();
    const { body: suspension } = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .send(body)
      .expect(201);
    const [hook] = await eventually(async () => {
      const hooks = receiver.for(
        (e) => e.type === 'suspension.noticed' && e.data.suspensionId === suspension.id,
      );
      return hooks.length ? hooks : null;
    });

    expect(hook.path).toBe('/notify');
    expect(hook.signatureValid).toBe(true);
    expect(hook.answeredStatus).toBe(200);
    expect(hook.headers['content-type']).toBe('application/json');
    expect(hook.headers['redress-event-id']).toBe(hook.event.id);
    expect(hook.headers['redress-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(hook.event).toEqual({
      id: expect.any(String),
      type: 'suspension.noticed',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      data: expect.objectContaining({
        suspensionId: suspension.id,
        accountId: body.accountId,
        reasonCode: 'model_distillation',
      }),
    });
    expect(hook.body).not.toContain(body.accountEmail as string);
    expect(hook.body).not.toContain('distillation-shaped prompts'); // the statement stays behind the API
    const [row] = await app.query<{ event_id: string; status: string }>(
      `SELECT event_id, status FROM notifications WHERE suspension_id = $1 AND channel = 'webhook'`,
      [suspension.id],
    );
    expect(row).toEqual({ event_id: hook.event.id, status: 'sent' });

    // replaying the request with a changed body (same signature) or another secret's signature fails
    const tampered = hook.body.replace(body.accountId as string, 'acct_someone_else');
    const replay = (payload: string, signature: string) =>
      fetch(receiver.url('/notify'), {
        method: 'POST',
        body: payload,
        headers: {
          'Content-Type': 'application/json',
          'Redress-Signature': signature,
          ...Object.fromEntries(
            ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(hook.headers[h])]),
          ),
        },
      });
    expect((await replay(tampered, hook.headers['redress-signature'] as string)).status).toBe(400);
    expect((await replay(hook.body, signWebhook(['another-secret'], hook.body))).status).toBe(400);
    expect((await replay(hook.body, hook.headers['redress-signature'] as string)).status).toBe(200);
  });

  it('retries a failing receiver with backoff: 500 three times, then 200 → sent after 4 attempts', async () => {
    const ids = await appealOnNewSuspension();
    receiver.script(ids.appealId, [500, 500, 500, 200]);
    const eventId = await appealReceived(ids);

    const row = await eventually(async () => {
      const r = await webhookRow(eventId);
      return r?.status === 'sent' ? r : null;
    }, 20000);
    expect(row).toMatchObject({ attempts: 4, last_error: 'webhook answered HTTP 500' });
    const attempts = receiver.for((e) => e.id === eventId);
    expect(attempts.map((a) => a.answeredStatus)).toEqual([500, 500, 500, 200]);
    // the same event on every attempt: one id, one body; only the signature's timestamp may move
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    expect(attempts.every((a) => a.headers['redress-event-id'] === eventId && a.signatureValid)).toBe(true);
  });

  it('gives up after NOTIFY_MAX_ATTEMPTS (dead), shows it to staff, and an admin redelivers it', async () => {
    const ids = await appealOnNewSuspension();
    receiver.script(ids.appealId, [500]);
    const eventId = await appealReceived(ids);
    const dead = await eventually(async () => {
      const r = await webhookRow(eventId);
      return r?.status === 'dead' ? r : null;
    }, 20000);
    expect(dead.attempts).toBe(MAX_ATTEMPTS);
    expect(receiver.for((e) => e.id === eventId)).toHaveLength(MAX_ATTEMPTS);

    const log = await app.http.get(`/v1/appeals/${ids.appealId}/notifications`).set(reviewer()).expect(200);
    expect(log.body.nextCursor).toBeNull();
    const webhook = log.body.data.find(
      (n: { eventId: string; channel: string }) => n.eventId === eventId && n.channel === 'webhook',
    );
    expect(webhook).toMatchObject({
      id: dead.id,
      eventType: 'appeal.received',
      recipientType: 'account',
      recipient: ids.accountId,
      status: 'dead',
      attempts: MAX_ATTEMPTS,
      lastError: 'webhook answered HTTP 500',
      appealId: ids.appealId,
      sentAt: null,
      nextAttemptAt: null,
    });
    const inbox = log.body.data.find(
      (n: { eventId: string; channel: string }) => n.eventId === eventId && n.channel === 'inbox',
    );
    expect(inbox).toMatchObject({ status: 'sent', attempts: 1 });
    expect(JSON.stringify(log.body)).not.toContain('@example.com'); // no addresses in the staff view
    for (const roles of [['senior_reviewer'], ['admin']] as const)
      await app.http
        .get(`/v1/appeals/${ids.appealId}/notifications`)
        .set(app.bearer('staff_2', ...roles))
        .expect(200);
    for (const roles of [['appellant'], ['finance'], ['enforcement']] as const)
      await app.http
        .get(`/v1/appeals/${ids.appealId}/notifications`)
        .set(app.bearer(ids.accountId, ...roles))
        .expect(403);
    await app.http.get(`/v1/appeals/${randomUUID()}/notifications`).set(reviewer()).expect(404);

    // only admins redeliver, and only what is dead or failed
    await app.http.post(`/v1/notifications/${dead.id}/redeliver`).set(reviewer()).expect(403);
    await app.http.post(`/v1/notifications/${randomUUID()}/redeliver`).set(admin()).expect(404);
    const inboxConflict = await app.http
      .post(`/v1/notifications/${inbox.id}/redeliver`)
      .set(admin())
      .expect(409);
    expect(inboxConflict.body.code).toBe('invalid_transition');

    receiver.script(ids.appealId, [200]);
    const redelivered = await app.http
      .post(`/v1/notifications/${dead.id}/redeliver`)
      .set(admin())
      .expect(200);
    expect(redelivered.body).toMatchObject({ id: dead.id, status: 'pending', attempts: 0 });
    const sent = await eventually(async () => {
      const r = await webhookRow(eventId);
      return r?.status === 'sent' ? r : null;
    });
    expect(sent.attempts).toBe(1);
    expect(receiver.for((e) => e.id === eventId).map((a) => a.answeredStatus)).toEqual([
      ...Array(MAX_ATTEMPTS).fill(500),
      200,
    ]);

    const again = await app.http.post(`/v1/notifications/${dead.id}/redeliver`).set(admin()).expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body.code).toBe('invalid_transition');
    const audit = await app.query<{ action: string; actor_sub: string }>(
      `SELECT action, actor_sub FROM audit_events WHERE entity_type = 'notification' AND entity_id = $1`,
      [dead.id],
    );
    expect(audit).toEqual([{ action: 'notification.redelivered', actor_sub: 'admin_1' }]);
  });

  it('tells the platform about a lift on its own webhook, signed the same way', async () => {
    const body = suspensionRequest();
    const { body: suspension } = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .send(body)
      .expect(201);
    await app.http
      .post(`/v1/suspensions/${suspension.id}/lift`)
      .set(enforcement())
      .send({ reason: 'The detector misfired on this account.' })
      .expect(200);
    const [platform] = await eventually(async () => {
      const hooks = receiver.received.filter(
        (r) => r.path === '/platform' && r.event.data.suspensionId === suspension.id,
      );
      return hooks.length ? hooks : null;
    });
    expect(platform.signatureValid).toBe(true);
    expect(platform.event).toMatchObject({
      type: 'suspension.lifted',
      data: { suspensionId: suspension.id, accountId: body.accountId, externalRef: body.externalRef },
    });
    expect(platform.body).not.toContain(body.accountEmail as string);
  });

  it('sends staff notices (sla.breached) to the notification webhook as staff events', async () => {
    const ids = await appealOnNewSuspension();
    const eventId = randomUUID();
    await app.query(`INSERT INTO outbox_messages (id, type, payload) VALUES ($1, 'sla.breached', $2)`, [
      eventId,
      { ...ids, level: 1, priority: 70, decisionDueAt: new Date().toISOString() },
    ]);
    const [hook] = await eventually(async () => {
      const hooks = receiver.for((e) => e.id === eventId);
      return hooks.length ? hooks : null;
    });
    expect(hook.signatureValid).toBe(true);
    expect(hook.event).toMatchObject({
      type: 'sla.breached',
      data: { appealId: ids.appealId, suspensionId: ids.suspensionId, level: 1, priority: 70 },
    });
    const rows = await app.query<{ recipient_type: string; channel: string }>(
      `SELECT recipient_type, channel FROM notifications WHERE event_id = $1 ORDER BY channel`,
      [eventId],
    );
    expect(rows).toEqual([
      { recipient_type: 'staff', channel: 'inbox' },
      { recipient_type: 'staff', channel: 'webhook' },
    ]);
  });
});
