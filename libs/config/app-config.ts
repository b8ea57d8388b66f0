import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvironmentVariables } from './env.schema';

export type JwtKey = { algorithm: 'HS256'; secret: string } | { algorithm: 'RS256'; publicKey: string };

/** Typed, validated configuration. Built once at boot; the only reader of process.env. */
export class AppConfig {
  readonly env: EnvironmentVariables;
  readonly jwt: { key: JwtKey | null; issuer: string; audience: string };

  constructor(env: EnvironmentVariables) {
    this.env = env;
    const key: JwtKey | null = env.AUTH_JWT_PUBLIC_KEY
      ? { algorithm: 'RS256', publicKey: env.AUTH_JWT_PUBLIC_KEY.replace(/\\n/g, '\n') }
      : env.AUTH_JWT_SECRET
        ? { algorithm: 'HS256', secret: env.AUTH_JWT_SECRET }
        : null;
    this.jwt = { key, issuer: env.AUTH_JWT_ISSUER, audience: env.AUTH_JWT_AUDIENCE };
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }
}

/** A development-only secret so `npm start` works out of the box; production refuses to boot without a key. */
export const DEVELOPMENT_JWT_SECRET = 'redress-development-secret-change-me';

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const raw = Object.fromEntries(
    Object.entries(source).filter(([k]) => k in new EnvironmentVariables() || isKnownOptional(k)),
  );
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `  ${e.property}=${JSON.stringify(raw[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (!env.AUTH_JWT_SECRET && !env.AUTH_JWT_PUBLIC_KEY) {
    if (env.NODE_ENV === 'production') {
      throw new ConfigError(
        'Refusing to start: NODE_ENV=production needs AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY.',
      );
    }
    env.AUTH_JWT_SECRET = DEVELOPMENT_JWT_SECRET;
  }
  return new AppConfig(env);
}

const OPTIONAL_KEYS = new Set([
  'AUTH_JWT_SECRET',
  'AUTH_JWT_PUBLIC_KEY',
  'EVIDENCE_S3_BUCKET',
  'EVIDENCE_S3_ENDPOINT',
  'PAYOUT_WEBHOOK_URL',
  'PAYOUT_WEBHOOK_SECRET',
  'SMTP_URL',
  'NOTIFY_WEBHOOK_URL',
  'NOTIFY_WEBHOOK_SECRET',
  'PLATFORM_WEBHOOK_URL',
  'STAFF_EMAIL',
]);
const isKnownOptional = (key: string) => OPTIONAL_KEYS.has(key);

/** The configuration an app built with these overrides runs with: the process environment, then the overrides. */
export function configWith(overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}
