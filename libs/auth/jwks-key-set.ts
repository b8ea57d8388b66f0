import type { LoggerService } from '@nestjs/common';
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { describeError, fetchJson } from './fetch-json';

/** Fetches of the JWKS are at least this far apart (or the cache time, if shorter): a flood of unknown kids cannot hammer the provider. */
const COOLDOWN_SECONDS = 30;

export interface JwksKeySetOptions {
  /** Where the JWKS is: asked again on each fetch until it has answered once (discovery may be down too). */
  locate: () => Promise<URL>;
  cacheSeconds: number;
  logger: Pick<LoggerService, 'warn' | 'log'>;
  now?: () => number;
}

/**
 * The identity provider's signing keys, fetched and kept for the cache time; jose picks the key of a
 * token from them (its kid, alg, use and key type). Unlike jose's remote key set, which throws once its
 * cache has aged and a fetch fails, this keeps the last keys it fetched while the endpoint is down, and
 * tries again at most once per cooldown, so an outage of the provider neither refuses known keys nor
 * makes every request wait on it.
 */
export class JwksKeySet {
  private keys?: { select: JWTVerifyGetKey; fetchedAt: number };
  private lastAttemptAt = -Infinity;
  private pending?: Promise<void>;
  private failing = false;
  private readonly cacheMs: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(private readonly options: JwksKeySetOptions) {
    this.cacheMs = options.cacheSeconds * 1000;
    this.cooldownMs = Math.min(COOLDOWN_SECONDS, options.cacheSeconds) * 1000;
    this.now = options.now ?? Date.now;
  }

  /** The key for a token's header, for jose's jwtVerify. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    if (!this.keys || this.now() - this.keys.fetchedAt >= this.cacheMs) await this.refresh();
    if (!this.keys) throw new errors.JOSEError("the identity provider's keys could not be fetched");
    try {
      return await this.keys.select(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      // a kid not seen yet may be a key the provider has just added
      await this.refresh();
      return this.keys.select(header, token);
    }
  };

  /** Fetches the JWKS unless a fetch is under way (then waits for it) or the last began within the cooldown. */
  private refresh(): Promise<void> {
    if (this.pending) return this.pending;
    if (this.now() - this.lastAttemptAt < this.cooldownMs) return Promise.resolve();
    this.lastAttemptAt = this.now();
    this.pending = this.fetch().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetch(): Promise<void> {
    let url: URL | undefined;
    try {
      url = await this.options.locate();
      const jwks = await fetchJson(url);
      this.keys = { select: createLocalJWKSet(jwks as JSONWebKeySet), fetchedAt: this.now() };
      if (this.failing) this.options.logger.log(`The JWKS at ${url.href} answers again`);
      this.failing = false;
    } catch (error) {
      // once per outage: the first failed fetch says so, the next ones stay quiet until one succeeds
      if (!this.failing) {
        const kept = this.keys
          ? `the keys fetched at ${new Date(this.keys.fetchedAt).toISOString()} stay in use`
          : 'tokens are refused until it answers';
        this.options.logger.warn(
          `The identity provider's JWKS${url ? ` at ${url.href}` : ''} cannot be fetched ` +
            `(${describeError(error)}): ${kept}`,
        );
      }
      this.failing = true;
    }
  }
}
