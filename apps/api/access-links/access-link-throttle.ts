import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { RedisThrottlerStorage } from '@redress/http';
import { DomainError } from '@redress/kernel';
import { REDIS, type RedisClient } from '@redress/redis';
import { createHash } from 'node:crypto';

const HOUR_MS = 3_600_000;

interface Budget {
  key: string;
  limit: number;
}

/**
 * Link requests per hour, per e-mail address and per client IP (ACCESS_LINK_REQUESTS_PER_ADDRESS,
 * ACCESS_LINK_REQUESTS_PER_IP), in Redis like the appellant limit; the address is counted by its hash,
 * so Redis never holds it. A request over either budget is a 429 `rate_limited` with Retry-After.
 */
@Injectable()
export class AccessLinkThrottle implements CanActivate {
  private readonly storage: RedisThrottlerStorage;

  constructor(
    @Inject(REDIS) redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    this.storage = new RedisThrottlerStorage(redis, config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<{ ip: string; body?: { email?: unknown } }>();
    const reply = http.getResponse<{ header(name: string, value: unknown): unknown }>();
    const { requestsPerAddress, requestsPerIp } = this.config.access;
    const budgets: Budget[] = [{ key: `access-link:ip:${request.ip}`, limit: requestsPerIp }];
    const email = request.body?.email;
    // a body without an address is refused by validation next; only addresses are counted
    if (typeof email === 'string')
      budgets.push({ key: `access-link:address:${addressHash(email)}`, limit: requestsPerAddress });
    const counted = await Promise.all(
      budgets.map(async (b) => ({ ...b, record: await this.storage.increment(b.key, HOUR_MS, b.limit) })),
    );
    const tightest = counted.reduce((a, b) =>
      b.limit - b.record.totalHits < a.limit - a.record.totalHits ? b : a,
    );
    reply.header('X-RateLimit-Limit', tightest.limit);
    reply.header('X-RateLimit-Remaining', Math.max(0, tightest.limit - tightest.record.totalHits));
    reply.header('X-RateLimit-Reset', tightest.record.timeToExpire);
    const blocked = counted.filter((c) => c.record.isBlocked);
    if (blocked.length === 0) return true;
    const retryAfter = Math.max(...blocked.map((c) => c.record.timeToBlockExpire));
    reply.header('Retry-After', retryAfter);
    throw new DomainError('rate_limited', `Too many link requests; retry in ${retryAfter} seconds`);
  }
}

/** Addresses differ only by case as often as not; one budget covers every spelling. */
const addressHash = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex');
