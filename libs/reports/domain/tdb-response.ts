/**
 * What the Transparency Database's batch endpoint (POST /api/v1/statements, `{ statements: [...] }`)
 * answered means for each statement sent. The endpoint stores all of a batch or none of it: 201 with
 * every statement (and its `uuid`); 422 with `errors.statement_<index>` for the invalid ones, or with
 * `errors.existing_puids` for puids it already holds; 429 and 5xx for "later".
 */
export type SubmissionOutcome =
  | { kind: 'accepted'; puid: string; tdbUuid: string | null; permalink: string | null }
  /** The database already holds the puid (an earlier attempt got through): look it up, never resend it. */
  | { kind: 'already_present'; puid: string }
  | { kind: 'rejected'; puid: string; errors: Record<string, unknown> }
  /** Valid, but in a batch refused for another statement: send again at once. */
  | { kind: 'resubmit'; puid: string }
  | { kind: 'retry_later'; puid: string; reason: string; afterMs: number | null };

export interface TdbAnswer {
  status: number;
  body: unknown;
  /** The Retry-After header, if any. */
  retryAfter: string | null;
}

/** The batch endpoint's limit (`statements: required|array|between:1,100`). */
export const TDB_BATCH_SIZE = 100;

export function interpretBatchAnswer(puids: string[], answer: TdbAnswer, now: Date): SubmissionOutcome[] {
  const { status, body } = answer;
  if (status === 201 || status === 200) return accepted(puids, body);
  if (status === 422) return refused(puids, objectOr(objectOr(body).errors));
  const reason = `HTTP ${status}`;
  const afterMs = status === 429 ? retryAfterMs(answer.retryAfter, now) : null;
  return puids.map((puid) => ({ kind: 'retry_later', puid, reason, afterMs }));
}

function accepted(puids: string[], body: unknown): SubmissionOutcome[] {
  const stored = Array.isArray(objectOr(body).statements) ? (objectOr(body).statements as unknown[]) : [];
  const byPuid = new Map(stored.map((s) => [objectOr(s).puid, objectOr(s)]));
  return puids.map((puid) => {
    const s = byPuid.get(puid) ?? {};
    return { kind: 'accepted', puid, tdbUuid: stringOr(s.uuid), permalink: stringOr(s.permalink) };
  });
}

function refused(puids: string[], errors: Record<string, unknown>): SubmissionOutcome[] {
  if (Array.isArray(errors.existing_puids)) {
    const existing = new Set(errors.existing_puids);
    return puids.map((puid) =>
      existing.has(puid) ? { kind: 'already_present', puid } : { kind: 'resubmit', puid },
    );
  }
  const perStatement = puids.map((_, i) => errors[`statement_${i}`]);
  if (perStatement.some((e) => e !== undefined)) {
    return puids.map((puid, i) =>
      perStatement[i] === undefined
        ? { kind: 'resubmit', puid }
        : { kind: 'rejected', puid, errors: objectOr(perStatement[i]) },
    );
  }
  // a refusal of the batch as a whole names no statement: each is refused with it
  return puids.map((puid) => ({ kind: 'rejected', puid, errors }));
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** After the n-th failed attempt, a random wait between half and all of 1 s × 2^(n−1), at most an hour. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const objectOr = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const stringOr = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
