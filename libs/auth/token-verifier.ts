import type { AuthSettings } from '@redress/config';
import { DomainError, subjectProblem, type Actor } from '@redress/kernel';
import { jwtVerify, type JWSAlgorithm, type JWTPayload } from 'jose';
import { ClaimMapping } from './claim-mapping';
import type { VerificationKey } from './key-source';

/** What a verifier checks a token against: one issuer, its key, and how its claims name the caller. */
export type VerifierSettings = Pick<
  AuthSettings,
  | 'issuer'
  | 'audience'
  | 'algorithms'
  | 'clockToleranceSeconds'
  | 'maxTokenTtlSeconds'
  | 'rolesClaim'
  | 'subjectClaim'
  | 'roleMap'
>;

/**
 * Verifies the tokens of one issuer with one key source and maps them to an Actor: signature and
 * algorithm, `iss`, `aud`, `exp`, `nbf` and `iat` with the clock tolerance, the lifetime, the subject's
 * spelling. Anything wrong is a 401 `unauthenticated`.
 */
export class TokenVerifier {
  private readonly claims: ClaimMapping;

  constructor(
    private readonly key: VerificationKey,
    private readonly settings: VerifierSettings,
  ) {
    this.claims = new ClaimMapping(settings);
  }

  async verify(token: string): Promise<Actor> {
    const { issuer, audience, algorithms, clockToleranceSeconds, maxTokenTtlSeconds } = this.settings;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: algorithms as JWSAlgorithm[],
        issuer,
        audience,
        clockTolerance: clockToleranceSeconds,
      }));
    } catch (error) {
      throw new DomainError('unauthenticated', `Invalid token: ${(error as Error).message}`);
    }
    const lifetime = tokenLifetimeProblem(payload, {
      maxTtlSeconds: maxTokenTtlSeconds,
      toleranceSeconds: clockToleranceSeconds,
      nowSeconds: Date.now() / 1000,
    });
    if (lifetime) throw new DomainError('unauthenticated', `Invalid token: ${lifetime}`);
    // the sub is stored (audit actor, idempotency scope) and compared (ownership, four-eyes): one spelling only
    const sub = this.claims.subject(payload);
    const problem = typeof sub === 'string' ? subjectProblem(sub) : 'is required';
    if (problem)
      throw new DomainError('unauthenticated', `Invalid token: ${this.settings.subjectClaim} ${problem}`);
    return { sub: sub as string, roles: this.claims.roles(payload) };
  }
}

/** A token must expire, and within maxTtlSeconds of when it was issued (or of now, without `iat`). */
export function tokenLifetimeProblem(
  claims: { exp?: unknown; iat?: unknown },
  limits: { maxTtlSeconds: number; toleranceSeconds: number; nowSeconds: number },
): string | null {
  const { maxTtlSeconds, toleranceSeconds, nowSeconds } = limits;
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return 'exp is required';
  if (claims.iat !== undefined && (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat)))
    return 'iat must be a number';
  const issuedAt = claims.iat ?? nowSeconds;
  if (issuedAt > nowSeconds + toleranceSeconds) return 'iat is in the future';
  if (claims.exp - issuedAt > maxTtlSeconds)
    return `lifetime exceeds AUTH_MAX_TOKEN_TTL_SECONDS (${maxTtlSeconds} s)`;
  return null;
}
