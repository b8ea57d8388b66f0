import { Injectable } from '@nestjs/common';
import { OutboxStore } from '@redress/outbox';
import type { EntityManager } from 'typeorm';
import type { AttemptResult } from '../domain/retry-policy';

export type DeliveryChannelName = 'email' | 'webhook';

/** An e-mail or webhook notification that one worker holds the lease on, ready to send. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  /** When the event happened (its outbox row), the same for every attempt. */
  eventCreatedAt: Date;
  channel: DeliveryChannelName;
  recipientType: string;
  locale: string;
  /** The e-mail address or webhook URL chosen when the event was dispatched. */
  address: string;
  /** The event's payload, which the templates render. */
  data: Record<string, unknown>;
  attempts: number;
  claimedUntil: Date;
}

interface ClaimedRow {
  id: string;
  event_id: string;
  event_type: string;
  event_created_at: Date | null;
  created_at: Date;
  channel: DeliveryChannelName;
  recipient_type: string;
  locale: string;
  data: Record<string, unknown>;
  attempts: number;
  claimed_until: Date;
}

/** One send and its outcome, ready to be recorded. */
export interface DeliveryAttempt {
  claim: ClaimedDelivery;
  result: AttemptResult;
  error: string | null;
}

/** An event's notifications as the dispatcher records them; what the copies share is bound once. */
export interface DispatchedEvent {
  eventId: string;
  eventType: string;
  locale: string;
  /** The plain-text rendering every copy shares (null for events without templates). */
  subject: string | null;
  body: string | null;
  appealId: string | null;
  suspensionId: string | null;
  copies: NotificationCopy[];
}

export interface NotificationCopy {
  id: string;
  recipientType: string;
  recipient: string;
  channel: 'inbox' | DeliveryChannelName;
  data: Record<string, unknown>;
  status: 'sent' | 'pending';
  attempts: number;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
}

/**
 * A write another lib's repository owns (the suspensions' notice times, the outbox rows' "processed"),
 * run as a named CTE of the dispatch statement; `sql` is given the placeholder `value` is bound to.
 */
export interface CteWrite {
  name: string;
  sql: (param: string) => string;
  value: unknown;
}

const OWED = `status IN ('pending', 'failed') AND channel <> 'inbox'`;
const NOT_LEASED = `(claimed_until IS NULL OR claimed_until < now())`;

/** The delivery log rows of e-mail and webhook notifications. Every method is one statement. */
@Injectable()
export class NotificationDeliveryRepository {
  constructor(private readonly outbox: OutboxStore) {}

  /**
   * Takes the lease on an owed delivery, or returns null when it is already sent, dead, or being sent by
   * another worker right now. Leases end at whole milliseconds so the holder can name its lease exactly.
   */
  async claim(em: EntityManager, id: string, leaseMs: number): Promise<ClaimedDelivery | null> {
    return (await this.claimMany(em, [id], leaseMs))[0] ?? null;
  }

  /** Takes the leases of those among `ids` that are owed and free, in one statement (a wave's chunk). */
  async claimMany(em: EntityManager, ids: string[], leaseMs: number): Promise<ClaimedDelivery[]> {
    const [rows]: [ClaimedRow[], number] = await em.query(
      `UPDATE notifications n
          SET claimed_until = date_trunc('milliseconds', now() + make_interval(secs => $2::double precision / 1000)),
              updated_at = now()
        WHERE n.id = ANY($1::uuid[]) AND ${OWED} AND ${NOT_LEASED}
        RETURNING n.id, n.event_id, n.event_type, n.created_at, n.channel, n.recipient_type, n.locale, n.data,
                  n.attempts, n.claimed_until,
                  ${this.outbox.createdAtOf('n.event_id')} AS event_created_at`,
      [ids, leaseMs],
    );
    return rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventType: row.event_type,
      eventCreatedAt: row.event_created_at ?? row.created_at,
      channel: row.channel,
      recipientType: row.recipient_type,
      locale: row.locale,
      address: typeof row.data.address === 'string' ? row.data.address : '',
      data: row.data,
      attempts: row.attempts,
      claimedUntil: row.claimed_until,
    }));
  }

  /**
   * Writes the outcome of one attempt and gives the lease back. Does nothing when the lease was lost
   * meanwhile (expired and taken by another worker, or an admin asked for a redelivery): returns false.
   */
  async record(em: EntityManager, attempt: DeliveryAttempt): Promise<boolean> {
    return (await this.recordMany(em, [attempt])).has(attempt.claim.id);
  }

  /** record() for many attempts in one statement; answers the ids whose outcome was written. */
  async recordMany(em: EntityManager, attempts: DeliveryAttempt[]): Promise<Set<string>> {
    if (attempts.length === 0) return new Set();
    const [rows]: [{ id: string }[], number] = await em.query(
      `UPDATE notifications n
          SET status = a.status,
              attempts = n.attempts + 1,
              last_error = COALESCE(a.error, n.last_error),
              sent_at = CASE WHEN a.status = 'sent' THEN now() END,
              next_attempt_at = CASE WHEN a.retry_ms IS NULL THEN NULL
                                     ELSE now() + make_interval(secs => a.retry_ms / 1000) END,
              claimed_until = NULL,
              updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::double precision[])
                AS a(id, claimed_until, status, error, retry_ms)
        WHERE n.id = a.id AND n.claimed_until = a.claimed_until
        RETURNING n.id`,
      [
        attempts.map((a) => a.claim.id),
        attempts.map((a) => a.claim.claimedUntil),
        attempts.map((a) => a.result.status),
        attempts.map((a) => a.error),
        attempts.map((a) => (a.result.status === 'failed' ? a.result.retryInMs : null)),
      ],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * For the sweep: owed deliveries due for at least `overdueMs` that nobody is sending, whose queue job
   * may have been lost with Redis. Their due time moves to now, so they are not picked again before
   * another `overdueMs` passes; SKIP LOCKED lets several workers sweep side by side.
   */
  async takeOverdue(em: EntityManager, limit: number, overdueMs: number): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await em.query(
      `UPDATE notifications n SET next_attempt_at = now(), updated_at = now()
         FROM (SELECT id FROM notifications
                WHERE ${OWED} AND ${NOT_LEASED}
                  AND next_attempt_at <= now() - make_interval(secs => $2::double precision / 1000)
                ORDER BY next_attempt_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED) due
        WHERE n.id = due.id
        RETURNING n.id`,
      [limit, overdueMs],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Records every copy of every event, and runs `alongside` in the same statement: atomic without a
   * transaction, and one round trip for a ban wave's chunk. Copies recorded by an earlier run of the
   * same event are left as they are. Answers the ids of the new e-mail and webhook copies.
   */
  async recordDispatch(
    em: EntityManager,
    events: DispatchedEvent[],
    alongside: CteWrite[],
  ): Promise<string[]> {
    const params: unknown[] = [];
    const writes = alongside.map(
      (w) => `${w.name} AS (\n         ${w.sql(`$${params.push(w.value)}`)}\n       )`,
    );
    const copies = events.flatMap((event) => copyValues(params, event));
    const ctes = copies.length ? [...writes, `inserted AS (${insertCopies(copies)})`] : writes;
    const select = copies.length
      ? `SELECT id FROM inserted WHERE channel <> 'inbox'`
      : `SELECT NULL::uuid AS id WHERE false`;
    const rows: { id: string }[] = await em.query(
      `${ctes.length ? `WITH ${ctes.join(', ')}\n       ` : ''}${select}`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Locks one notification for a state change (redelivery); null when it does not exist. */
  async lock(em: EntityManager, id: string): Promise<{ id: string; channel: string; status: string } | null> {
    const rows: { id: string; channel: string; status: string }[] = await em.query(
      `SELECT id, channel, status FROM notifications WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Back to pending with a fresh budget of attempts, due now; any lease is void. */
  async resetForRedelivery(em: EntityManager, id: string): Promise<void> {
    await em.query(
      `UPDATE notifications
          SET status = 'pending', attempts = 0, next_attempt_at = now(), claimed_until = NULL, updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  /** The ids among `ids` that are still owed (used when a redelivery request reaches the worker). */
  async stillOwed(em: EntityManager, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM notifications WHERE id = ANY($1) AND ${OWED}`,
      [ids],
    );
    return rows.map((r) => r.id);
  }
}

/** The VALUES rows of an event's copies, their parameters appended to `params`. */
function copyValues(params: unknown[], event: DispatchedEvent): string[] {
  if (event.copies.length === 0) return [];
  const [eventId, type, loc, subject, body, appealId, suspensionId] = [
    event.eventId,
    event.eventType,
    event.locale,
    event.subject,
    event.body,
    event.appealId,
    event.suspensionId,
  ].map((value) => `$${params.push(value)}`);
  return event.copies.map((copy) => {
    const [id, recipientType, recipient, channel, data, status, attempts, sentAt, nextAttemptAt] = [
      copy.id,
      copy.recipientType,
      copy.recipient,
      copy.channel,
      JSON.stringify(copy.data),
      copy.status,
      copy.attempts,
      copy.sentAt,
      copy.nextAttemptAt,
    ].map((value) => `$${params.push(value)}`);
    return `(${id}::uuid, ${eventId}::uuid, ${type}, ${recipientType}, ${recipient}, ${channel}, ${type}, ${loc}, ${subject},
               ${body}, ${data}::jsonb, ${status}, ${attempts}::int, ${appealId}::uuid, ${suspensionId}::uuid,
               ${sentAt}::timestamptz, ${nextAttemptAt}::timestamptz)`;
  });
}

/** Every copy in one INSERT; copies recorded by an earlier run of the same event are left as they are. */
function insertCopies(rows: string[]): string {
  return `INSERT INTO notifications (id, event_id, event_type, recipient_type, recipient, channel, template, locale, subject,
                                    body, data, status, attempts, appeal_id, suspension_id, sent_at, next_attempt_at)
          VALUES ${rows.join(', ')}
          ON CONFLICT ON CONSTRAINT notifications_event_channel_recipient_unique DO NOTHING
          RETURNING id, channel`;
}
