import { DEVELOPMENT_JWT_SECRET, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.env.APPEAL_WINDOW_DAYS).toBe(180);
    expect(config.env.APPEAL_DECISION_SLA_HOURS).toBe(336);
    expect(config.env.NOTIFY_MAX_ATTEMPTS).toBe(8);
    expect(config.env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/redress');
    expect(config.jwt).toEqual({
      key: { algorithm: 'HS256', secret: DEVELOPMENT_JWT_SECRET },
      issuer: 'redress',
      audience: 'redress-api',
    });
  });

  it('parses numbers and names every invalid variable', () => {
    expect(loadConfig({ PORT: '8080' }).env.PORT).toBe(8080);
    expect(() => loadConfig({ PORT: 'eighty', PAYOUT_PROVIDER: 'paypal' })).toThrow(
      /PORT="eighty"[\s\S]*PAYOUT_PROVIDER/,
    );
  });

  it('refuses production without a key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'a'.repeat(32) }).jwt.key?.algorithm).toBe(
      'HS256',
    );
  });

  it('prefers RS256 when a public key is configured', () => {
    expect(loadConfig({ AUTH_JWT_PUBLIC_KEY: 'PEM' }).jwt.key).toEqual({
      algorithm: 'RS256',
      publicKey: 'PEM',
    });
  });
});
