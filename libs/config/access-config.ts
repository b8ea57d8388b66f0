import type { EnvironmentVariables } from './env.schema';

/** The `iss` of the access tokens Redress signs itself for one-time links; no other key source may use it. */
export const ACCESS_TOKEN_ISSUER = 'redress-access';

/** A development-only access secret, distinct from the development JWT secret so neither verifies the other's tokens. */
export const DEVELOPMENT_ACCESS_TOKEN_SECRET = 'redress-development-access-secret-change-me-please';

/** One-time access links and the access tokens they are exchanged for, read once from the ACCESS_* variables. */
export interface AccessSettings {
  /** PUBLIC_URL without a trailing slash. */
  publicUrl: string;
  tokenSecret: string;
  linkTtlMinutes: number;
  sessionHours: number;
  requestsPerAddress: number;
  requestsPerIp: number;
}

export function accessSettings(env: EnvironmentVariables): AccessSettings {
  return {
    publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
    tokenSecret: env.ACCESS_TOKEN_SECRET ?? DEVELOPMENT_ACCESS_TOKEN_SECRET,
    linkTtlMinutes: env.ACCESS_LINK_TTL_MINUTES,
    sessionHours: env.ACCESS_SESSION_HOURS,
    requestsPerAddress: env.ACCESS_LINK_REQUESTS_PER_ADDRESS,
    requestsPerIp: env.ACCESS_LINK_REQUESTS_PER_IP,
  };
}

/** The rules between the access variables and the platform's, one line naming the variable for each broken one. */
export function accessConfigProblems(env: EnvironmentVariables): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.ACCESS_TOKEN_SECRET)
    problems.push(
      'ACCESS_TOKEN_SECRET is required with NODE_ENV=production (it signs the access tokens of one-time links)',
    );
  // one secret for both issuers would let a platform token pass as an access token and back
  if (env.ACCESS_TOKEN_SECRET && env.ACCESS_TOKEN_SECRET === env.AUTH_JWT_SECRET)
    problems.push('ACCESS_TOKEN_SECRET must differ from AUTH_JWT_SECRET');
  if ([env.AUTH_JWT_ISSUER, env.AUTH_OIDC_ISSUER].includes(ACCESS_TOKEN_ISSUER))
    problems.push(
      `AUTH_JWT_ISSUER and AUTH_OIDC_ISSUER must not be ${ACCESS_TOKEN_ISSUER}: it names Redress's own access tokens`,
    );
  return problems;
}
