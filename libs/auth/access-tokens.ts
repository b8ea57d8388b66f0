import { ACCESS_TOKEN_ISSUER, type AccessSettings, type AuthSettings } from '@redress/config';
import { SignJWT } from 'jose';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { TokenVerifier } from './token-verifier';

/** The access token a one-time link is exchanged for. */
export interface AccessToken {
  accessToken: string;
  expiresAt: string;
  accountId: string;
}

const accessKey = (access: Pick<AccessSettings, 'tokenSecret'>): KeyObject =>
  createSecretKey(Buffer.from(access.tokenSecret));

/**
 * Signs Redress's own access tokens (issuer `redress-access`, HS256 with ACCESS_TOKEN_SECRET): the
 * account as `sub`, the `appellant` role only, for ACCESS_SESSION_HOURS.
 */
export class AccessTokenIssuer {
  private readonly key: KeyObject;

  constructor(
    private readonly access: Pick<AccessSettings, 'tokenSecret' | 'sessionHours'>,
    private readonly audience: string,
  ) {
    this.key = accessKey(access);
  }

  async issue(accountId: string, now: Date): Promise<AccessToken> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expires = issuedAt + this.access.sessionHours * 3600;
    const accessToken = await new SignJWT({ roles: ['appellant'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(this.audience)
      .setSubject(accountId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expires)
      .sign(this.key);
    return { accessToken, expiresAt: new Date(expires * 1000).toISOString(), accountId };
  }
}

/**
 * Verifies access tokens with ACCESS_TOKEN_SECRET only: HS256, issuer `redress-access`, at most
 * ACCESS_SESSION_HOURS long, and whatever roles the token names, only `appellant` counts.
 */
export function accessTokenVerifier(
  access: Pick<AccessSettings, 'tokenSecret' | 'sessionHours'>,
  auth: Pick<AuthSettings, 'audience' | 'clockToleranceSeconds'>,
): TokenVerifier {
  return new TokenVerifier(accessKey(access), {
    issuer: ACCESS_TOKEN_ISSUER,
    audience: auth.audience,
    algorithms: ['HS256'],
    clockToleranceSeconds: auth.clockToleranceSeconds,
    maxTokenTtlSeconds: access.sessionHours * 3600,
    rolesClaim: 'roles',
    subjectClaim: 'sub',
    roleMap: new Map([['appellant', ['appellant']]]),
  });
}
