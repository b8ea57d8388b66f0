import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import type { DsaStatementOfReasons } from '../domain/dsa-statement';
import type { TdbAnswer } from '../domain/tdb-response';

/** A request that takes longer is abandoned and its batch retried (the puids make a resend harmless). */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The DSA Transparency Database's API (its routes/api.php: `/api/v1`, a Bearer token): the batch
 * endpoint, and the look-up of a puid it already holds.
 */
@Injectable()
export class TdbClient {
  constructor(private readonly config: AppConfig) {}

  /** POST /api/v1/statements. A network failure or timeout throws. */
  async submit(statements: DsaStatementOfReasons[]): Promise<TdbAnswer> {
    const res = await fetch(this.url('/api/v1/statements'), {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ statements }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return {
      status: res.status,
      body: await res.json().catch(() => null),
      retryAfter: res.headers.get('retry-after'),
    };
  }

  /**
   * GET /api/v1/statement/existing-puid/:puid, which answers 302 with the stored statement (or 404).
   * The statement's uuid and permalink, or null when the database does not hold the puid.
   */
  async existing(puid: string): Promise<{ uuid: string | null; permalink: string | null } | null> {
    const res = await fetch(this.url(`/api/v1/statement/existing-puid/${encodeURIComponent(puid)}`), {
      headers: this.headers(),
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (res.status === 404) return null;
    if (res.status !== 302 && res.status !== 200) throw new Error(`puid look-up answered HTTP ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    return { uuid: text(body.uuid), permalink: text(body.permalink) };
  }

  private url(path: string): string {
    const target = this.config.dsaSubmission;
    if (!target) throw new Error('DSA submission is off (DSA_TDB_URL and DSA_TDB_TOKEN)');
    return `${target.url}${path}`;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.config.dsaSubmission?.token}`, accept: 'application/json' };
  }
}
