import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import {
  verifiesWithStandardWebhooks,
  verifiesWithStripe,
  whsecSecret,
} from '@redress/testing/webhook-verifiers';
import { WebhookReceiver } from './notifications-receivers';

const OLD = whsecSecret('the notification secret being retired');
const NEW = 'the-notification-secret-taking-over';
const PLATFORM = whsecSecret("the platform's own secret");

/** docs/api.md's rotation: both secrets listed sign every delivery while receivers switch from one to the other. */
describe('Webhook secrets: one per destination, rotated without downtime', () => {
  let app: TestApp;
  let receiver: WebhookReceiver;
  const enforcement = () => app.bearer('enforcer_1', 'enforcement');

  beforeAll(async () => {
    receiver = await WebhookReceiver.start({ '/notify': OLD, '/platform': PLATFORM });
    app = await TestApp.start('webhook_rotation', {
      env: {
        NOTIFY_WEBHOOK_URL: receiver.url('/notify'),
        NOTIFY_WEBHOOK_SECRET: `${OLD}, ${NEW}`,
        PLATFORM_WEBHOOK_URL: receiver.url('/platform'),
        PLATFORM_WEBHOOK_SECRET: PLATFORM,
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  const delivered = (path: string, suspensionId: string) =>
    eventually(async () =>
      receiver.received.find((r) => r.path === path && r.event.data.suspensionId === suspensionId),
    );

  it('signs with every listed secret in both schemes, and the platform webhook with its own secret only', async () => {
    const body = suspensionRequest();
    const { body: suspension } = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .send(body)
      .expect(201);
    const notice = await delivered('/notify', suspension.id);
    expect(notice.signatureValid).toBe(true); // verified with the old secret, as the receiver still is
    expect(notice.headers['redress-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(notice.headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    expect(notice.headers['webhook-id']).toBe(notice.event.id);
    expect(notice.headers['user-agent']).toMatch(/^Redress-Webhooks\/\d+\.\d+\.\d+/);
    // the receiver switches to the new secret: the same delivery verifies with it too, with both libraries
    expect(verifiesWithStripe(notice.body, notice.headers['redress-signature'] as string, NEW)).toBe(true);
    expect(verifiesWithStandardWebhooks(notice.body, notice.headers, NEW)).toBe(true);

    await app.http
      .post(`/v1/suspensions/${suspension.id}/lift`)
      .set(enforcement())
      .send({ reason: 'The detector misfired on this account.' })
      .expect(200);
    const lifted = await delivered('/platform', suspension.id);
    expect(lifted.signatureValid).toBe(true);
    for (const notifySecret of [OLD, NEW]) {
      expect(
        verifiesWithStripe(lifted.body, lifted.headers['redress-signature'] as string, notifySecret),
      ).toBe(false);
      expect(verifiesWithStandardWebhooks(lifted.body, lifted.headers, notifySecret)).toBe(false);
    }
  });
});
