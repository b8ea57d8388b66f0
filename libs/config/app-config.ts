import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationTypes } from 'class-validator';
import { createPrivateKey } from 'node:crypto';
import { accessConfigProblems, accessSettings, type AccessSettings } from './access-config';
import {
  authConfigProblems,
  authSettings,
  pem,
  usesDevelopmentSecret,
  type AuthSettings,
} from './auth-config';
import { EnvironmentVariables } from './env.schema';
import { webhookSecretProblems, webhookSecrets, type WebhookDestination } from './webhook-secrets';

/** Typed, validated configuration. Built once at boot; the only reader of process.env. */
export class AppConfig {
  readonly env: EnvironmentVariables;
  readonly auth: AuthSettings;
  /** One-time access links and Redress's own access tokens. */
  readonly access: AccessSettings;
  /** True when no key source is configured and the built-in development secret signs and verifies tokens. */
  readonly usesDevelopmentSecret: boolean;

  constructor(env: EnvironmentVariables) {
    this.env = env;
    this.usesDevelopmentSecret = usesDevelopmentSecret(env);
    this.auth = authSettings(env);
    this.access = accessSettings(env);
  }

  /** The payout webhook when PAYOUT_PROVIDER=webhook (its URL and secret are required then). */
  get payoutWebhook(): { url: string; secrets: string[] } | null {
    const { PAYOUT_PROVIDER, PAYOUT_WEBHOOK_URL: url } = this.env;
    const secrets = this.webhookSecrets('payout');
    return PAYOUT_PROVIDER === 'webhook' && url && secrets.length > 0 ? { url, secrets } : null;
  }

  /** Where and with which token statements of reasons are submitted; null when submission is off. */
  get dsaSubmission(): { url: string; token: string } | null {
    const { DSA_TDB_URL: url, DSA_TDB_TOKEN: token } = this.env;
    return url && token ? { url: url.replace(/\/+$/, ''), token } : null;
  }

  webhookSecrets(destination: WebhookDestination): string[] {
    return webhookSecrets(this.env, destination);
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  /** `POST /v1/dev/token` exists, and the API listens on 127.0.0.1 only, in development without a key source. */
  get developmentTokens(): boolean {
    return this.env.NODE_ENV === 'development' && this.usesDevelopmentSecret;
  }

  /** Where the API and the worker's metrics endpoint listen: development tokens are handed to this machine only. */
  get listenHost(): string {
    return this.developmentTokens ? '127.0.0.1' : (this.env.HOST ?? '0.0.0.0');
  }

  /** Migrations (and database creation) run as the owner; the apps connect as the restricted role. */
  get migrationDatabaseUrl(): string {
    return this.env.DATABASE_MIGRATION_URL ?? this.env.DATABASE_URL;
  }

  /** The audit checkpoint signing key as PEM, or null when none is configured (development generates one). */
  get auditSigningKeyPem(): string | null {
    return this.env.AUDIT_SIGNING_KEY ? pem(this.env.AUDIT_SIGNING_KEY) : null;
  }
}

export const DEVELOPMENT_SECRET_WARNING =
  'No key source (AUTH_OIDC_ISSUER, AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY, AUTH_JWT_SECRET) is set: tokens ' +
  'are signed and verified with the built-in development secret, which anyone can read in the source. ' +
  'Never expose this instance.';

export class ConfigError extends Error {}

/** What a process that failed to start writes to stderr: each configuration problem on its own line, or the stack of a bug. */
export function bootFailureText(processName: string, error: unknown): string {
  if (!(error instanceof ConfigError)) return `${processName}: ${(error as Error).stack ?? String(error)}\n`;
  return error.message
    .split('\n')
    .map((line) => `${processName}: ${line}\n`)
    .join('');
}

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const raw = Object.fromEntries(
    Object.entries(source).filter(([k]) => k in new EnvironmentVariables() || isKnownOptional(k)),
  );
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: true }).map(
    (e) =>
      `${e.property}=${JSON.stringify(raw[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (problems.length === 0) problems.push(...crossFieldProblems(env));
  if (problems.length > 0)
    throw new ConfigError(problems.map((p) => `Invalid configuration: ${p}`).join('\n'));
  return new AppConfig(env);
}

/** Rules between variables, checked at boot with the rest so that each failure is one line naming its variable. */
function crossFieldProblems(env: EnvironmentVariables): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  problems.push(...authConfigProblems(env));
  problems.push(...webhookSecretProblems(env));
  if (env.PAYOUT_PROVIDER === 'webhook') {
    if (!env.PAYOUT_WEBHOOK_URL) problems.push('PAYOUT_WEBHOOK_URL is required with PAYOUT_PROVIDER=webhook');
    if (!env.PAYOUT_WEBHOOK_SECRET)
      problems.push('PAYOUT_WEBHOOK_SECRET is required with PAYOUT_PROVIDER=webhook');
  }
  if (env.AUDIT_SIGNING_KEY) {
    if (!isEd25519PrivateKey(pem(env.AUDIT_SIGNING_KEY)))
      problems.push('AUDIT_SIGNING_KEY must be an Ed25519 private key in PKCS#8 PEM');
  } else if (production) {
    problems.push('AUDIT_SIGNING_KEY is required with NODE_ENV=production (it signs the audit checkpoints)');
  }
  if (production && !env.METRICS_TOKEN && !env.METRICS_PUBLIC)
    problems.push('METRICS_TOKEN is required with NODE_ENV=production, unless METRICS_PUBLIC=true');
  problems.push(...accessConfigProblems(env));
  return problems;
}

function isEd25519PrivateKey(value: string): boolean {
  try {
    return createPrivateKey(value).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** The variables declared @IsOptional without a default: the schema's instance has no property for them. */
const OPTIONAL_KEYS = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
    .filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION)
    .map((m) => m.propertyName),
);
const isKnownOptional = (key: string) => OPTIONAL_KEYS.has(key);

/** The configuration an app built with these overrides runs with: the process environment, then the overrides. */
export function configWith(overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}
