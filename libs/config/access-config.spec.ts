import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 'a'.repeat(32),
  METRICS_PUBLIC: 'true',
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string,
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message.split('\n');
  }
}

describe('access links and access tokens', () => {
  it('needs ACCESS_TOKEN_SECRET in production, in one line', () => {
    expect(problems(PRODUCTION)).toEqual([
      'Invalid configuration: ACCESS_TOKEN_SECRET is required with NODE_ENV=production (it signs the access tokens of one-time links)',
    ]);
    expect(problems({ ...PRODUCTION, ACCESS_TOKEN_SECRET: 'x'.repeat(32) })).toEqual([]);
  });

  it('keeps the two issuers apart: another secret, another iss', () => {
    expect(problems({ AUTH_JWT_SECRET: 's'.repeat(32), ACCESS_TOKEN_SECRET: 's'.repeat(32) })).toEqual([
      'Invalid configuration: ACCESS_TOKEN_SECRET must differ from AUTH_JWT_SECRET',
    ]);
    expect(problems({ AUTH_JWT_ISSUER: 'redress-access' })).toEqual([
      "Invalid configuration: AUTH_JWT_ISSUER and AUTH_OIDC_ISSUER must not be redress-access: it names Redress's own access tokens",
    ]);
    expect(problems({ ACCESS_TOKEN_SECRET: 'short' })[0]).toMatch(
      /^Invalid configuration: ACCESS_TOKEN_SECRET=/,
    );
  });

  it('reads the defaults, and PUBLIC_URL without its trailing slash', () => {
    const { access } = loadConfig({ PUBLIC_URL: 'https://appeals.example.com/' });
    expect(access).toMatchObject({
      publicUrl: 'https://appeals.example.com',
      linkTtlMinutes: 30,
      sessionHours: 12,
    });
    expect(loadConfig({}).access.publicUrl).toBe('http://127.0.0.1:3000');
  });
});
