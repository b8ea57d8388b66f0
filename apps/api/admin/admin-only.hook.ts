import type { Logger } from '@nestjs/common';
import type { JwtAuthGuard } from '@redress/auth';
import { sendProblem } from '@redress/http';
import { can, DomainError } from '@redress/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Guards raw Fastify routes under `prefix`, where Nest guards never run: a valid bearer token with the
 * admin role, else 401/403 problem+json. It matches on the route the request was routed to, not on the
 * URL as typed, so an encoded or doubled-slash spelling of the path cannot slip past it. While Redis is
 * unreachable the dashboard answers 503 at once (its queue reads would otherwise wait for Redis).
 */
export function adminOnlyHook(
  guard: JwtAuthGuard,
  prefix: string,
  redisReady: () => boolean,
  logger: Pick<Logger, 'error'>,
) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const route = request.routeOptions.url;
    if (route === undefined || (route !== prefix && !route.startsWith(`${prefix}/`))) return undefined;
    try {
      const actor = await guard.verify(request.headers.authorization);
      if (!can(actor, 'queues.dashboard'))
        throw new DomainError('forbidden', 'The queue dashboard is for admins only');
      if (!redisReady())
        throw new DomainError('dependency_unavailable', 'Redis is unavailable; try again shortly');
      return undefined;
    } catch (error) {
      sendProblem(reply, error, logger);
      return reply;
    }
  };
}
