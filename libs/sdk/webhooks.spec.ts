import { webhookSignatureHeaders } from '@redress/kernel';
import { whsecSecret } from '@redress/testing/webhook-verifiers';
import { verifyWebhook } from './webhooks';

const body = JSON.stringify({
  id: 'evt_1',
  type: 'appeal.decided',
  createdAt: '2026-01-01T00:00:00.000Z',
  data: {},
});
const OLD = whsecSecret('the old receiver secret');
const NEW = 'the-new-receiver-secret';

describe('verifyWebhook', () => {
  const signed = webhookSignatureHeaders({ id: 'evt_1', body, secrets: [OLD, NEW] });

  it('accepts a delivery by either scheme, with any secret of a rotation, and answers the event', () => {
    expect(verifyWebhook(body, signed, OLD)).toMatchObject({ id: 'evt_1', type: 'appeal.decided' });
    expect(verifyWebhook(Buffer.from(body), signed, ['unrelated', NEW]).id).toBe('evt_1');
    const { 'webhook-signature': _standard, ...redressOnly } = signed;
    const { 'redress-signature': _redress, ...standardOnly } = signed;
    expect(verifyWebhook(body, redressOnly, NEW).id).toBe('evt_1');
    expect(verifyWebhook(body, standardOnly, OLD).id).toBe('evt_1');
  });

  it('refuses a changed body, an unknown secret, a changed id and an old timestamp', () => {
    expect(() => verifyWebhook(`${body} `, signed, OLD)).toThrow(/does not match/);
    expect(() => verifyWebhook(body, signed, 'not-a-secret-of-ours')).toThrow();
    expect(() =>
      verifyWebhook(body, { ...signed, 'webhook-id': 'evt_2', 'redress-signature': undefined }, OLD),
    ).toThrow();
    const later = new Date(Date.now() + 301_000);
    expect(() => verifyWebhook(body, signed, OLD, later)).toThrow();
  });
});
