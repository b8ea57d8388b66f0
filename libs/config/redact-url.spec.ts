import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('replaces the values of secret query parameters and keeps the rest', () => {
    expect(redactUrl('/v1/me/suspensions?access_token=eyJ.a.b&limit=5')).toBe(
      '/v1/me/suspensions?access_token=[redacted]&limit=5',
    );
    expect(redactUrl('/x?API_KEY=1&Signature=2&cursor=abc&%61ccess_token=3')).toBe(
      '/x?API_KEY=[redacted]&Signature=[redacted]&cursor=abc&%61ccess_token=[redacted]',
    );
  });

  it('leaves URLs without a query, and parameters without a value, alone', () => {
    expect(redactUrl('/v1/appeals')).toBe('/v1/appeals');
    expect(redactUrl('/v1/appeals?token')).toBe('/v1/appeals?token');
  });
});
