import type { AppConfig } from '@redress/config';
import type { Role } from '@redress/kernel';
import * as jwt from 'jsonwebtoken';

/** Development and test helper: a token signed with the configured HS256 secret. */
export function signToken(
  config: AppConfig,
  claims: { sub: string; roles: Role[] },
  options: { expiresInSeconds?: number } = {},
): string {
  const { source, issuer, audience } = config.auth;
  if (source.kind !== 'secret') throw new Error('signToken needs AUTH_JWT_SECRET (HS256)');
  return jwt.sign({ roles: claims.roles }, source.secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer,
    audience,
    expiresIn: options.expiresInSeconds ?? 3600,
  });
}
