import { createHmac } from 'node:crypto';
import { verifiesWithStandardWebhooks, verifiesWithStripe } from '@redress/testing/webhook-verifiers';
import { signWebhook, webhookSecretProblem, webhookSignatureHeaders } from './webhook-signature';

const WHSEC = `whsec_${Buffer.from('a 24-byte secret for hmac').toString('base64')}`;
const body = '{"id":"evt_1","type":"appeal.decided","data":{}}';

describe('webhook signatures', () => {
  it('Redress-Signature is an HMAC-SHA256 of "<t>.<body>" keyed with the secret string, one v1 per secret', () => {
    const mac = (secret: string) => createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(['s3cret'], body, 1700000000)).toBe(`t=1700000000,v1=${mac('s3cret')}`);
    expect(signWebhook(['old', 'new'], body, 1700000000)).toBe(
      `t=1700000000,v1=${mac('old')},v1=${mac('new')}`,
    );
  });

  it('webhook-signature keys the HMAC with the bytes of a whsec_ secret, or the UTF-8 of any other', () => {
    const headers = webhookSignatureHeaders({
      id: 'evt_1',
      body,
      secrets: [WHSEC, 'plain'],
      unixSeconds: 1700000000,
    });
    const mac = (key: Buffer) =>
      createHmac('sha256', key).update(`evt_1.1700000000.${body}`).digest('base64');
    expect(headers).toMatchObject({ 'webhook-id': 'evt_1', 'webhook-timestamp': '1700000000' });
    expect(headers['webhook-signature']).toBe(
      `v1,${mac(Buffer.from('a 24-byte secret for hmac'))} v1,${mac(Buffer.from('plain'))}`,
    );
  });

  it.each([
    ['a whsec_ secret', [WHSEC], WHSEC],
    ['a plain secret', ['s3cret-string'], 's3cret-string'],
    ['the old secret during a rotation', ['old-secret', WHSEC], 'old-secret'],
    ['the new secret during a rotation', ['old-secret', WHSEC], WHSEC],
  ])('both official libraries verify %s', (_, secrets, receiverSecret) => {
    const headers = webhookSignatureHeaders({ id: 'evt_1', body, secrets });
    expect(verifiesWithStripe(body, headers['redress-signature'], receiverSecret)).toBe(true);
    expect(verifiesWithStandardWebhooks(body, headers, receiverSecret)).toBe(true);
    expect(verifiesWithStripe(`${body} `, headers['redress-signature'], receiverSecret)).toBe(false);
    expect(verifiesWithStandardWebhooks(body, { ...headers, 'webhook-id': 'evt_2' }, receiverSecret)).toBe(
      false,
    );
    expect(verifiesWithStripe(body, headers['redress-signature'], 'a-secret-not-listed')).toBe(false);
  });

  it('sends ids and times but no signature without a secret, and refuses a whsec_ secret that is not base64', () => {
    expect(webhookSignatureHeaders({ id: 'r1', body, secrets: [], unixSeconds: 1 })).toEqual({
      'webhook-id': 'r1',
      'webhook-timestamp': '1',
    });
    expect(webhookSecretProblem('whsec_not base64!')).toMatch(/base64/);
    expect([webhookSecretProblem(WHSEC), webhookSecretProblem('any string')]).toEqual([null, null]);
  });
});
