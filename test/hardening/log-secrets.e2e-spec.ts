import { whsecSecret } from '@redress/testing/webhook-verifiers';
import { AppProcess, eventually, STATEMENT, suspensionRequest, TestApp } from '@redress/testing';
import { rejectedCredentials } from '@redress/testing/hostile-tokens';
import type { Role } from '@redress/kernel';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SmtpReceiver, WebhookReceiver } from '../notifications-receivers';

/**
 * Logs never contain bearer tokens, one-time access links and the access tokens they give, webhook
 * secrets or evidence content. The API and the
 * worker run as real processes logging at debug level; everything they write is searched for the
 * secrets the test handed them.
 */
describe('Logs never contain credentials, secrets or evidence content', () => {
  const webhookSecret = whsecSecret(`logs ${randomUUID()}`);
  const idempotencyKey = `idem-logs-${randomUUID()}`;
  const evidenceMarker = `evidence-marker-${randomUUID()}`;
  const requestId = `log-secrets-${randomUUID()}`;
  let receiver: WebhookReceiver;
  let smtp: SmtpReceiver;
  let evidenceDir: string;
  let app: TestApp;
  let api: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start(webhookSecret);
    smtp = await SmtpReceiver.start();
    evidenceDir = await mkdtemp(join(tmpdir(), 'redress-log-secrets-'));
    app = await TestApp.start('hardening_log_secrets', {
      worker: false,
      env: {
        NOTIFY_WEBHOOK_URL: receiver.url(),
        NOTIFY_WEBHOOK_SECRET: webhookSecret,
        EVIDENCE_DIR: evidenceDir,
        SMTP_URL: smtp.url,
        ACCESS_TOKEN_SECRET: `access-${randomUUID()}`,
      },
    });
    [api, worker] = await Promise.all([
      AppProcess.start('api', app.env, { captureOutput: true }),
      AppProcess.start('worker', app.env, { captureOutput: true }),
    ]);
  });
  afterAll(async () => {
    await api?.kill();
    await worker?.kill();
    await app.close();
    await receiver.close();
    await smtp.close();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  it('logs the requests and the deliveries, and none of the secrets they carried', async () => {
    const tokens: string[] = [];
    const bearer = (sub: string, role: Role) => {
      tokens.push(app.token(sub, role));
      return { Authorization: `Bearer ${tokens.at(-1)}` };
    };
    const http = () => request(api.url);
    const enforcement = bearer('enforcer_1', 'enforcement');

    const suspension = suspensionRequest();
    const suspend = () =>
      http()
        .post('/v1/suspensions')
        .set(enforcement)
        .set('Idempotency-Key', idempotencyKey)
        .send(suspension)
        .expect(201);
    const { body: suspended } = await suspend();
    await suspend(); // the replay takes another path through the idempotency store

    // the appeal's webhook fails twice before it goes through, so the worker's retries run too
    receiver.hold();
    const owner = bearer(suspension.accountId as string, 'appellant');
    const { body: appeal } = await http()
      .post('/v1/appeals')
      .set(owner)
      .set('X-Request-Id', requestId)
      .send({ suspensionId: suspended.id, statement: STATEMENT, requestedRemedy: 'reinstate' })
      .expect(201);
    receiver.script(appeal.id, [500, 500, 200]);
    receiver.release();

    const { body: evidence } = await http()
      .post(`/v1/appeals/${appeal.id}/evidence`)
      .set(owner)
      .field('description', 'Schedule of our nightly evaluation runs')
      .attach('file', Buffer.from(`Nightly evaluation at 02:00 UTC.\n${evidenceMarker}\n`), {
        filename: 'schedule.txt',
        contentType: 'text/plain',
      })
      .expect(201);
    const downloaded = await http().get(`/v1/evidence/${evidence.id}/content`).set(owner).expect(200);
    expect(downloaded.text).toContain(evidenceMarker);
    // refused content takes the error path of the upload
    await http()
      .post(`/v1/appeals/${appeal.id}/evidence`)
      .set(owner)
      .attach('file', Buffer.from(`\x7fELF\x02\x01\x01\x00${evidenceMarker}`), 'schedule.txt')
      .expect(415);

    await http()
      .post('/v1/suspensions')
      .set(enforcement)
      .send({ ...suspension, reasonCode: 7 })
      .expect(400);
    await http().get(`/v1/appeals/${randomUUID()}`).set(owner).expect(404);

    // a one-time link, its exchange and the access token it gives: none of them may be logged
    await http().post('/v1/access-links').send({ email: suspension.accountEmail }).expect(202);
    const mail = await eventually(async () => smtp.messages.find((m) => /appeal\/access#/.test(m.text)));
    const linkToken = /appeal\/access#([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const { body: session } = await http()
      .post('/v1/access-links/exchange')
      .send({ token: linkToken })
      .expect(200);
    await http().post('/v1/access-links/exchange').send({ token: linkToken }).expect(401);
    await http().get('/v1/me/suspensions').set('Authorization', `Bearer ${session.accessToken}`).expect(200);
    tokens.push(linkToken, session.accessToken);
    // a token put in the query string, as some clients do, is no more logged than a header
    const inQuery = app.token(suspension.accountId as string, 'appellant');
    tokens.push(inQuery);
    await http().get(`/v1/me/suspensions?limit=5&access_token=${inQuery}`).expect(401);
    await http().get(`/v1/appeals/${appeal.id}`).expect(401);
    const hostile = Object.values(rejectedCredentials()).filter((value) => value !== undefined);
    for (const authorization of hostile) {
      await http().get(`/v1/appeals/${appeal.id}`).set('Authorization', authorization).expect(401);
    }

    const answered = (type: string) =>
      receiver
        .for((e) => e.type === type && e.data.suspensionId === suspended.id)
        .map((r) => r.answeredStatus)
        .join();
    await eventually(
      async () => answered('suspension.noticed') === '200' && answered('appeal.received') === '500,500,200',
      20_000,
      'the webhooks to be delivered',
    );
    // once the processes are gone, everything they wrote has been read
    api.signal('SIGTERM');
    worker.signal('SIGTERM');
    await Promise.all([api.exited, worker.exited]);

    expect(api.output).toContain(requestId);
    // the worker logs the event the appeal raised, under the request's id
    expect(worker.output).toContain(requestId);
    const output = api.output + worker.output;
    const secrets: Record<string, string> = {
      'the JWT signing secret': app.env.AUTH_JWT_SECRET,
      'the access token secret': app.env.ACCESS_TOKEN_SECRET,
      'the audit signing key': app.env.AUDIT_SIGNING_KEY.split('\n')[1],
      'the webhook secret': webhookSecret,
      'the Idempotency-Key': idempotencyKey,
      'the evidence content': evidenceMarker,
      ...Object.fromEntries(tokens.map((token, i) => [`bearer token ${i + 1}`, token])),
      ...Object.fromEntries(
        hostile.map((value, i) => [`rejected credential ${i + 1}`, value.replace(/^Bearer /, '')]),
      ),
    };
    const leaks = Object.entries(secrets).flatMap(([what, secret]) =>
      output
        .split('\n')
        .filter((line) => line.includes(secret))
        .map((line) => `${what} in: ${line}`),
    );
    expect(leaks).toEqual([]);
  });
});
