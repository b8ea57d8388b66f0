import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '@redress/auth';
import { ApiPublicProblems } from '@redress/http';
import { DomainError } from '@redress/kernel';
import { REDIS, type RedisClient } from '@redress/redis';

/** A check that passed; Terminus may add details of its own beside the status. */
const UP = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['up'] } },
  additionalProperties: true,
};

/** Terminus's answer when every check passes. */
const READINESS = {
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: { type: 'object', properties: { database: UP, redis: UP } },
    error: { type: 'object' },
    details: { type: 'object', properties: { database: UP, redis: UP } },
  },
};

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /** The process is up; nothing else is checked, so a database outage never restarts the API. */
  @Get('live')
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ok'] } },
    },
  })
  @ApiOperation({
    operationId: 'checkLiveness',
    summary: 'Liveness',
    description: 'The process is up; nothing else is checked, so a database outage never restarts the API.',
    security: [],
  })
  @ApiPublicProblems()
  live() {
    return { status: 'ok' };
  }

  /** Ready to serve: PostgreSQL and Redis both answer. */
  @Get('ready')
  @ApiOkResponse({ description: 'PostgreSQL and Redis answer', schema: READINESS })
  @ApiPublicProblems('dependency_unavailable')
  @HealthCheck()
  @ApiOperation({
    operationId: 'checkReadiness',
    summary: 'Readiness',
    description: 'Ready to serve: PostgreSQL and Redis both answer (503 naming what does not).',
    security: [],
  })
  async ready() {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1500 }),
        () => this.redisCheck(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // names only: this route is public, the drivers' messages (hosts, ports) stay in the logs
      const down = Object.keys((error.getResponse() as { error?: object }).error ?? {});
      throw new DomainError(
        'dependency_unavailable',
        `Not ready: ${down.join(' and ') || 'a dependency'} unavailable`,
      );
    }
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500)),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
