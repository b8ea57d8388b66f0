import { Injectable, Logger } from '@nestjs/common';
import { sendProblem } from '@redress/http';
import { DomainError } from '@redress/kernel';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The requests being answered, so that a shutdown out of time answers each one 503
 * `dependency_unavailable` (retry elsewhere) instead of dropping its connection; the work behind it
 * rolls back with the process's database connections.
 */
@Injectable()
export class InFlightRequests {
  private readonly logger = new Logger(InFlightRequests.name);
  private readonly replies = new Set<FastifyReply>();

  track(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (_request, reply) => {
      this.replies.add(reply);
    });
    fastify.addHook('onResponse', async (_request, reply) => {
      this.replies.delete(reply);
    });
  }

  answerUnfinished(): void {
    const unfinished = [...this.replies].filter((reply) => !reply.sent);
    if (unfinished.length)
      this.logger.warn({ requests: unfinished.length }, 'answering unfinished requests 503');
    for (const reply of unfinished) {
      reply.header('Connection', 'close').header('Retry-After', '1');
      sendProblem(
        reply,
        new DomainError('dependency_unavailable', 'This API instance is shutting down; retry the request'),
        this.logger,
      );
    }
  }
}
