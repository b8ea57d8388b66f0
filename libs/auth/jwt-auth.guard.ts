import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Actor } from '@redress/kernel';
import { PUBLIC_ROUTE } from './decorators';
import { IssuerVerifiers } from './issuer-verifiers';

/** Verifies the bearer token of every non-public route and attaches the Actor to the request. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: IssuerVerifiers,
  ) {}

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
    return this.verifier.verify(match[1]);
  }
}
