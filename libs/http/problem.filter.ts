import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mapError } from './problem-mapping';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** Every error leaves the API as RFC 9457 problem+json; unexpected ones are logged with an error id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    sendProblem(reply, error, this.logger);
  }
}

export function sendProblem(reply: FastifyReply, error: unknown, logger: Pick<Logger, 'error'>): void {
  const { problem, unexpected } = mapError(error);
  if (unexpected) logger.error({ err: unexpected, errorId: problem.errorId }, 'unhandled error');
  if (problem.code === 'rate_limited' && !reply.getHeader('retry-after')) reply.header('Retry-After', '60');
  if (reply.sent) return;
  reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
