import { ROLES, type Role } from '@redress/kernel';
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { EnvironmentVariables } from './env.schema';

/** Where the keys that verify bearer tokens come from: exactly one is configured (none: development). */
export type KeySource =
  | { kind: 'oidc'; issuer: string }
  | { kind: 'jwks'; url: string }
  | { kind: 'public-key'; publicKey: string }
  | { kind: 'secret'; secret: string };

/** How bearer tokens are verified and read, parsed once from the AUTH_* variables. */
export interface AuthSettings {
  source: KeySource;
  /** The `iss` every token must carry. */
  issuer: string;
  audience: string;
  algorithms: string[];
  jwksCacheSeconds: number;
  clockToleranceSeconds: number;
  maxTokenTtlSeconds: number;
  /** Dot paths of the claims that hold the roles and the subject. */
  rolesClaim: string;
  subjectClaim: string;
  /** The Redress roles each of the identity provider's names stands for; null: names are Redress roles. */
  roleMap: ReadonlyMap<string, readonly Role[]> | null;
}

const SOURCE_VARIABLES = [
  'AUTH_OIDC_ISSUER',
  'AUTH_JWKS_URL',
  'AUTH_JWT_PUBLIC_KEY',
  'AUTH_JWT_SECRET',
] as const;
const SOURCE_LIST = 'AUTH_OIDC_ISSUER, AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY or AUTH_JWT_SECRET';
const SECRET_ALGORITHMS = ['HS256', 'HS384', 'HS512'];
/** The public-key algorithms Redress verifies, by the key type (node:crypto's name) each needs. */
const PUBLIC_KEY_ALGORITHMS: Record<string, string[]> = {
  rsa: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  ec: ['ES256', 'ES384', 'ES512'],
  ed25519: ['EdDSA', 'Ed25519'],
};
const ASYMMETRIC_ALGORITHMS = Object.values(PUBLIC_KEY_ALGORITHMS).flat();
const DEFAULT_ASYMMETRIC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const DEFAULT_SECRET_ALGORITHMS = ['HS256'];

/** A development-only secret so `npm start` works out of the box; production refuses to boot without a key. */
export const DEVELOPMENT_JWT_SECRET = 'redress-development-secret-change-me';

/** PEM given in one line of an environment file, with its newlines written as \n. */
export const pem = (value: string): string => value.replace(/\\n/g, '\n');

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const configuredSources = (env: EnvironmentVariables) => SOURCE_VARIABLES.filter((name) => env[name]);

/** The key source configured, or the built-in development secret when there is none. */
function keySource(env: EnvironmentVariables): KeySource {
  if (env.AUTH_OIDC_ISSUER) return { kind: 'oidc', issuer: env.AUTH_OIDC_ISSUER };
  if (env.AUTH_JWKS_URL) return { kind: 'jwks', url: env.AUTH_JWKS_URL };
  if (env.AUTH_JWT_PUBLIC_KEY) return { kind: 'public-key', publicKey: pem(env.AUTH_JWT_PUBLIC_KEY) };
  return { kind: 'secret', secret: env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET };
}

export const usesDevelopmentSecret = (env: EnvironmentVariables): boolean =>
  configuredSources(env).length === 0;

export function authSettings(env: EnvironmentVariables): AuthSettings {
  const source = keySource(env);
  const configured = list(env.AUTH_JWT_ALGORITHMS);
  return {
    source,
    // discovery's issuer is the only one its tokens may name
    issuer: source.kind === 'oidc' ? source.issuer : env.AUTH_JWT_ISSUER,
    audience: env.AUTH_JWT_AUDIENCE,
    algorithms:
      configured.length > 0
        ? configured
        : source.kind === 'secret'
          ? DEFAULT_SECRET_ALGORITHMS
          : DEFAULT_ASYMMETRIC_ALGORITHMS,
    jwksCacheSeconds: env.AUTH_JWKS_CACHE_SECONDS,
    clockToleranceSeconds: env.AUTH_CLOCK_TOLERANCE_SECONDS,
    maxTokenTtlSeconds: env.AUTH_MAX_TOKEN_TTL_SECONDS,
    rolesClaim: env.AUTH_ROLES_CLAIM,
    subjectClaim: env.AUTH_SUBJECT_CLAIM,
    roleMap: env.AUTH_ROLE_MAP ? parseRoleMap(env.AUTH_ROLE_MAP).map : null,
  };
}

/** `idp-name=redress-role,…`; a name listed twice stands for both roles. */
function parseRoleMap(value: string): { map: Map<string, Role[]>; problems: string[] } {
  const map = new Map<string, Role[]>();
  const problems: string[] = [];
  for (const entry of list(value)) {
    const eq = entry.lastIndexOf('=');
    const name = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim();
    if (eq <= 0 || !name) {
      problems.push(`AUTH_ROLE_MAP: entry "${entry}" is not idp-name=redress-role`);
    } else if (!(ROLES as readonly string[]).includes(role)) {
      problems.push(`AUTH_ROLE_MAP: "${role}" in "${entry}" is not a Redress role (${ROLES.join(', ')})`);
    } else {
      map.set(name, [...(map.get(name) ?? []), role as Role]);
    }
  }
  return { map, problems };
}

/** The rules between the AUTH_* variables, one line naming the variable for each broken one. */
export function authConfigProblems(env: EnvironmentVariables): string[] {
  const problems: string[] = [];
  const sources = configuredSources(env);
  if (sources.length > 1) {
    problems.push(`${sources.join(' and ')} are set together: configure one key source (${SOURCE_LIST})`);
  } else if (sources.length === 0 && env.NODE_ENV === 'production') {
    problems.push(`a key source (${SOURCE_LIST}) is required with NODE_ENV=production`);
  }
  if (env.NODE_ENV === 'production') {
    for (const name of ['AUTH_OIDC_ISSUER', 'AUTH_JWKS_URL'] as const) {
      // keys fetched over plain HTTP could be swapped on the way, and every token with them
      if (env[name] && !env[name].startsWith('https://'))
        problems.push(`${name} must be an https URL with NODE_ENV=production`);
    }
  }
  let publicKey: KeyObject | undefined;
  if (env.AUTH_JWT_PUBLIC_KEY) {
    publicKey = parsePublicKey(pem(env.AUTH_JWT_PUBLIC_KEY));
    if (!publicKey || !PUBLIC_KEY_ALGORITHMS[publicKey.asymmetricKeyType ?? '']) {
      problems.push('AUTH_JWT_PUBLIC_KEY must be a PEM public key (RSA, EC or Ed25519)');
      publicKey = undefined;
    }
  }
  if (sources.length <= 1) problems.push(...algorithmProblems(env, publicKey));
  if (env.AUTH_ROLE_MAP) problems.push(...parseRoleMap(env.AUTH_ROLE_MAP).problems);
  for (const name of ['AUTH_ROLES_CLAIM', 'AUTH_SUBJECT_CLAIM'] as const) {
    if (env[name].split('.').some((segment) => segment.trim() === ''))
      problems.push(`${name} must be a claim name or a dot path of them, e.g. realm_access.roles`);
  }
  return problems;
}

/** No `none`, no HMAC with a public key source (algorithm confusion), and none a key cannot verify. */
function algorithmProblems(env: EnvironmentVariables, publicKey: KeyObject | undefined): string[] {
  const configured = list(env.AUTH_JWT_ALGORITHMS);
  if (configured.length === 0) return [];
  if (configured.includes('none')) return ['AUTH_JWT_ALGORITHMS may not contain none (unsigned tokens)'];
  const allowed = keySource(env).kind === 'secret' ? SECRET_ALGORITHMS : ASYMMETRIC_ALGORITHMS;
  const refused = configured.filter((alg) => !allowed.includes(alg));
  if (refused.length > 0) {
    const variable = configuredSources(env)[0] ?? 'the development secret';
    return [
      `AUTH_JWT_ALGORITHMS: ${refused.join(', ')} cannot verify tokens with ${variable} ` +
        `(it takes ${allowed.join(', ')})`,
    ];
  }
  const keyType = publicKey?.asymmetricKeyType;
  if (keyType && !configured.some((alg) => PUBLIC_KEY_ALGORITHMS[keyType].includes(alg))) {
    return [
      `AUTH_JWT_ALGORITHMS: none of ${configured.join(', ')} fits the ${keyType} key of ` +
        `AUTH_JWT_PUBLIC_KEY (${PUBLIC_KEY_ALGORITHMS[keyType].join(', ')} would)`,
    ];
  }
  return [];
}

function parsePublicKey(value: string): KeyObject | undefined {
  // createPublicKey would also take a private key, which has no place in the API's environment
  if (!/-----BEGIN [A-Z ]+-----/.test(value) || value.includes('PRIVATE KEY')) return undefined;
  try {
    return createPublicKey(value);
  } catch {
    return undefined;
  }
}
