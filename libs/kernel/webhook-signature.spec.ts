import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  it('is an HMAC-SHA256 of "<t>.<body>"', () => {
    const expected = createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex');
    expect(signWebhook('s3cret', '{"a":1}', 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies the right body and refuses a tampered one, another secret or a stale timestamp', () => {
    const header = signWebhook('s3cret', '{"a":1}', 1700000000);
    expect(verifyWebhookSignature('s3cret', '{"a":1}', header, 300, 1700000100)).toBe(true);
    expect(verifyWebhookSignature('s3cret', '{"a":2}', header, 300, 1700000100)).toBe(false);
    expect(verifyWebhookSignature('other', '{"a":1}', header, 300, 1700000100)).toBe(false);
    expect(verifyWebhookSignature('s3cret', '{"a":1}', header, 300, 1700001000)).toBe(false);
    expect(verifyWebhookSignature('s3cret', '{"a":1}', 'garbage', 300, 1700000100)).toBe(false);
  });
});
