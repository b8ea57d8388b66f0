import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, type JwtKey } from '@redress/config';
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { DomainError, ROLES, subjectProblem, type Actor, type Role } from '@redress/kernel';
import { PUBLIC_ROUTE } from './decorators';

interface TokenClaims {
  sub?: unknown;
  roles?: unknown;
  exp?: unknown;
  iat?: unknown;
}

/** How far a token's `iat` may lie ahead of this server's clock (clock skew between issuer and API). */
const ISSUED_AT_TOLERANCE_SECONDS = 30;

/** Verifies the bearer token of every non-public route and attaches the Actor to the request. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  /**
   * The key as a KeyObject, built once: handed a string, jsonwebtoken tries to parse it as a PEM public
   * key on every request (and fails, for a secret) before making a secret key of it — a sixth of the
   * CPU time of a filing.
   */
  private readonly keyObject: KeyObject;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    this.keyObject = toKeyObject(config.jwt.key);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const request = context
      .switchToHttp()
      .getRequest<{ id: string; headers: Record<string, string | undefined>; actor?: Actor }>();
    request.actor = { ...(await this.verify(request.headers.authorization)), requestId: request.id };
    return true;
  }

  async verify(header: string | undefined): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(header ?? '');
    if (!match) throw new DomainError('unauthenticated', 'A bearer token is required');
    const key = this.config.jwt.key;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(match[1], {
        algorithms: [key.algorithm],
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
        // @nestjs/jwt's types say string | Buffer; jsonwebtoken takes a KeyObject as well
        ...(key.algorithm === 'HS256'
          ? { secret: this.keyObject as unknown as string }
          : { publicKey: this.keyObject as unknown as string }),
      });
    } catch (error) {
      throw new DomainError('unauthenticated', `Invalid token: ${(error as Error).message}`);
    }
    return toActor(claims, this.config.env.AUTH_MAX_TOKEN_TTL_SECONDS);
  }
}

function toKeyObject(key: JwtKey): KeyObject {
  return key.algorithm === 'HS256'
    ? createSecretKey(Buffer.from(key.secret))
    : createPublicKey(key.publicKey);
}

function toActor(claims: TokenClaims, maxTtlSeconds: number): Actor {
  const lifetimeProblem = tokenLifetimeProblem(claims, maxTtlSeconds, Date.now() / 1000);
  if (lifetimeProblem) throw new DomainError('unauthenticated', `Invalid token: ${lifetimeProblem}`);
  // the sub is stored (audit actor, idempotency scope) and compared (ownership, four-eyes): one spelling only
  const subProblem = typeof claims.sub === 'string' ? subjectProblem(claims.sub) : 'is required';
  if (subProblem) throw new DomainError('unauthenticated', `Invalid token: sub ${subProblem}`);
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  const known = roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));
  return { sub: claims.sub as string, roles: known };
}

/** A token must expire, and within maxTtlSeconds of when it was issued (or of now, without `iat`). */
export function tokenLifetimeProblem(
  claims: TokenClaims,
  maxTtlSeconds: number,
  nowSeconds: number,
): string | null {
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return 'exp is required';
  if (claims.iat !== undefined && (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat)))
    return 'iat must be a number';
  const issuedAt = claims.iat ?? nowSeconds;
  if (issuedAt > nowSeconds + ISSUED_AT_TOLERANCE_SECONDS) return 'iat is in the future';
  if (claims.exp - issuedAt > maxTtlSeconds)
    return `lifetime exceeds AUTH_MAX_TOKEN_TTL_SECONDS (${maxTtlSeconds} s)`;
  return null;
}
