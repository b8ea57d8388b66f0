import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';
import { DEVELOPMENT_JWT_SECRET } from './auth-config';

const ED25519 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const EC_PUBLIC = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
  type: 'spki',
  format: 'pem',
}) as string;

/** The lines of the ConfigError loadConfig throws for this environment. */
function problemLines(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.env.APPEAL_WINDOW_DAYS).toBe(180);
    expect(config.env.APPEAL_DECISION_SLA_HOURS).toBe(336);
    expect(config.env.NOTIFY_MAX_ATTEMPTS).toBe(8);
    expect(config.env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/redress');
    expect(config.auth).toEqual({
      source: { kind: 'secret', secret: DEVELOPMENT_JWT_SECRET },
      issuer: 'redress',
      audience: 'redress-api',
      algorithms: ['HS256'],
      jwksCacheSeconds: 600,
      clockToleranceSeconds: 30,
      maxTokenTtlSeconds: 86400,
      rolesClaim: 'roles',
      subjectClaim: 'sub',
      roleMap: null,
    });
  });

  it('parses numbers and names every invalid variable, one line each', () => {
    expect(loadConfig({ PORT: '8080' }).env.PORT).toBe(8080);
    expect(problemLines({ PORT: 'eighty', PAYOUT_PROVIDER: 'paypal' })).toEqual([
      expect.stringMatching(/^Invalid configuration: PORT="eighty": /),
      expect.stringMatching(/^Invalid configuration: PAYOUT_PROVIDER="paypal": /),
    ]);
  });

  it('checks the rules between variables at boot, one line naming each variable', () => {
    expect(problemLines({ PAYOUT_PROVIDER: 'webhook' })).toEqual([
      'Invalid configuration: PAYOUT_WEBHOOK_URL is required with PAYOUT_PROVIDER=webhook',
      'Invalid configuration: PAYOUT_WEBHOOK_SECRET is required with PAYOUT_PROVIDER=webhook',
    ]);
    expect(problemLines({ AUDIT_SIGNING_KEY: 'not a key' })).toEqual([
      'Invalid configuration: AUDIT_SIGNING_KEY must be an Ed25519 private key in PKCS#8 PEM',
    ]);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(problemLines({ AUDIT_SIGNING_KEY: rsa as string })).toHaveLength(1);
  });

  it('refuses production without a token key or an audit signing key', () => {
    expect(problemLines({ NODE_ENV: 'production', METRICS_PUBLIC: 'true' })).toEqual([
      'Invalid configuration: a key source (AUTH_OIDC_ISSUER, AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY or ' +
        'AUTH_JWT_SECRET) is required with NODE_ENV=production',
      expect.stringMatching(/^Invalid configuration: AUDIT_SIGNING_KEY is required with NODE_ENV=production/),
      expect.stringMatching(
        /^Invalid configuration: ACCESS_TOKEN_SECRET is required with NODE_ENV=production/,
      ),
    ]);
    const production = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'a'.repeat(32),
      ACCESS_TOKEN_SECRET: 'x'.repeat(32),
      AUDIT_SIGNING_KEY: ED25519,
      METRICS_TOKEN: 'm'.repeat(32),
    });
    expect(production.auth.source.kind).toBe('secret');
    expect(production.auditSigningKeyPem).toBe(ED25519);
  });

  it('verifies with a public key written on one line with \\n, by the asymmetric algorithms', () => {
    const config = loadConfig({ AUTH_JWT_PUBLIC_KEY: EC_PUBLIC.trim().replace(/\n/g, '\\n') });
    expect(config.auth.source).toEqual({ kind: 'public-key', publicKey: EC_PUBLIC.trim() });
    expect(config.auth.algorithms).toEqual(['RS256', 'PS256', 'ES256', 'EdDSA']);
    for (const value of ['PEM', '-----BEGIN PUBLIC KEY-----\\nMFkw\\n-----END PUBLIC KEY-----', ED25519]) {
      expect(problemLines({ AUTH_JWT_PUBLIC_KEY: value })).toEqual([
        'Invalid configuration: AUTH_JWT_PUBLIC_KEY must be a PEM public key (RSA, EC or Ed25519)',
      ]);
    }
  });

  it('hands out development tokens only in development with the built-in secret', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({
      usesDevelopmentSecret: true,
      developmentTokens: true,
    });
    for (const env of [
      { NODE_ENV: 'development', AUTH_JWT_SECRET: 'a'.repeat(32) },
      {
        NODE_ENV: 'development',
        AUTH_JWT_PUBLIC_KEY: EC_PUBLIC,
      },
      { NODE_ENV: 'development', AUTH_JWKS_URL: 'https://idp.example.com/jwks' },
      { NODE_ENV: 'test' },
    ]) {
      expect(loadConfig(env).developmentTokens).toBe(false);
    }
  });

  it('migrates as DATABASE_MIGRATION_URL, defaulting to DATABASE_URL', () => {
    expect(loadConfig({}).migrationDatabaseUrl).toBe('postgres://postgres@127.0.0.1:5432/redress');
    const split = loadConfig({
      DATABASE_URL: 'postgres://redress_app@db/redress',
      DATABASE_MIGRATION_URL: 'postgres://owner@db/redress',
    });
    expect([split.env.DATABASE_URL, split.migrationDatabaseUrl]).toEqual([
      'postgres://redress_app@db/redress',
      'postgres://owner@db/redress',
    ]);
  });
});
