import {
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  Module,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import {
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { AppConfig } from '@redress/config';
import { hasRole, type Actor } from '@redress/kernel';
import { REDIS, redisKey, type RedisClient } from '@redress/redis';

const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }`;

/**
 * Fixed-window counters in Redis, so a limit holds across any number of API instances. If Redis is
 * unreachable the request is let through (fail open): rate limiting protects, it must not take the
 * appeal process down with it.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, pttl] = (await this.redis.eval(INCREMENT, 1, redisKey(this.config, 'rate', key), ttl)) as [
        number,
        number,
      ];
      const seconds = Math.max(1, Math.ceil(pttl / 1000));
      return {
        totalHits: hits,
        timeToExpire: seconds,
        isBlocked: hits > limit,
        timeToBlockExpire: hits > limit ? seconds : 0,
      };
    } catch (error) {
      this.logger.warn(`rate limit skipped, Redis unavailable: ${(error as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}

/** Counts only appellants' writes, per `sub` (staff and machine clients are not limited here). */
@Injectable()
export class AppellantWriteThrottle extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
    return !actor || !hasRole(actor, 'appellant');
  }

  protected override async getTracker(req: { actor?: Actor }): Promise<string> {
    return `appellant:${req.actor?.sub}`;
  }

  /** A refused request carries the X-RateLimit-* headers of an accepted one too (nothing remaining), besides Retry-After. */
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const reply = context.switchToHttp().getResponse<{ header(name: string, value: unknown): unknown }>();
    reply.header('X-RateLimit-Limit', detail.limit);
    reply.header('X-RateLimit-Remaining', 0);
    reply.header('X-RateLimit-Reset', detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }

  /** One budget per appellant across every write route (the default key is per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}

/**
 * Apply to appellant write routes: RATE_LIMIT_PER_MINUTE per appellant, 429 rate_limited with Retry-After.
 * The route lists `rate_limited` in its ApiProblems, which is what gives its answers the rate-limit headers
 * in the OpenAPI document.
 */
export const AppellantRateLimit = () => applyDecorators(UseGuards(AppellantWriteThrottle));

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.env.RATE_LIMIT_PER_MINUTE }],
        storage: new RedisThrottlerStorage(redis, config),
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
