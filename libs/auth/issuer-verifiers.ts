import { DomainError, type Actor } from '@redress/kernel';
import { decodeJwt } from 'jose';
import type { TokenVerifier } from './token-verifier';

/**
 * One TokenVerifier per issuer, chosen by the token's `iss` before anything is verified: the
 * unverified claim only picks the verifier, which then checks everything, its own issuer included.
 * A token naming an issuer with a verifier of its own is checked with that verifier's key only; every
 * other token with the platform's key source only, so no key ever verifies another issuer's tokens.
 */
export class IssuerVerifiers {
  constructor(
    private readonly platform: TokenVerifier,
    private readonly own: ReadonlyMap<string, TokenVerifier>,
  ) {}

  verify(token: string): Promise<Actor> {
    return (this.own.get(unverifiedIssuer(token)) ?? this.platform).verify(token);
  }
}

function unverifiedIssuer(token: string): string {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : '';
  } catch {
    throw new DomainError('unauthenticated', 'Invalid token: it is not a JWT');
  }
}
