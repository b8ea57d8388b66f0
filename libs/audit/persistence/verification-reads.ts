import type { AuditEventRow } from './audit-event-row';
import type { AuditEventContent } from '../audit-hash';
import type { SignedAuditCheckpoint } from '../audit-checkpoint';

/**
 * Runs one read statement and returns its rows: TypeORM's DataSource.query in the apps, a pg Pool in
 * the outsider's script (scripts/audit-verify.ts), so the verifier needs neither Nest nor TypeORM.
 */
export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** Events and links merged by seq; either side may be missing (that is what the walk looks for). */
export interface ChainRow {
  seq: number;
  event: {
    content: AuditEventContent;
    prevHash: string;
    hash: string;
    /** The stored hash of the entity's previous event by seq; null for its first. */
    predecessorHash: string | null;
    /** False when `at` holds sub-millisecond digits, which no event written by the application has. */
    exactAt: boolean;
  } | null;
  linkDigest: string | null;
}

export interface StoredCheckpoint extends SignedAuditCheckpoint {
  id: string;
}

export interface CheckpointKey {
  seq: number;
  id: string;
}

/** The highest seq that has a link (0 without any). */
export async function lastLinkedSeq(sql: Sql): Promise<number> {
  const [row] = await sql<{ seq: string }>(`SELECT coalesce(max(seq), 0) AS seq FROM audit_chain`);
  return Number(row.seq);
}

/**
 * The next `limit` seqs after `afterSeq` that have an event, a link, or both. Each side is cut to
 * `limit` rows before the join: a seq among the first `limit` of the union is among the first `limit`
 * of each side it appears on. Links above `linkedThrough` (linked after the walk began) are left out.
 * Each event comes with its entity's previous event's hash (an index probe), so that one walk in seq
 * order checks both chains. `at` comes as text at full precision: a Date would hide a change below
 * the millisecond.
 */
export async function eventsAndLinks(
  sql: Sql,
  afterSeq: number,
  linkedThrough: number,
  limit: number,
): Promise<ChainRow[]> {
  // `at` as text: microseconds a JS Date would drop are part of what is checked
  const rows = await sql<
    Omit<AuditEventRow, 'at'> & {
      has_event: boolean;
      at: string;
      predecessor_hash: string | null;
      digest: string | null;
    }
  >(
    `SELECT coalesce(e.seq, l.seq) AS seq, e.seq IS NOT NULL AS has_event,
            to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at,
            e.actor_sub, e.actor_roles, e.action, e.entity_type, e.entity_id, e.data, e.prev_hash, e.hash,
            e.predecessor_hash, l.digest
       FROM (SELECT a.*,
                    (SELECT p.hash FROM audit_events p
                      WHERE p.entity_id = a.entity_id AND p.entity_type = a.entity_type AND p.seq < a.seq
                      ORDER BY p.seq DESC LIMIT 1) AS predecessor_hash
               FROM audit_events a WHERE a.seq > $1 ORDER BY a.seq LIMIT $3) e
       FULL JOIN (SELECT seq, digest FROM audit_chain WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3) l
         ON l.seq = e.seq
      ORDER BY 1
      LIMIT $3`,
    [afterSeq, linkedThrough, limit],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    event: r.has_event
      ? {
          content: {
            at: `${r.at.slice(0, 23)}Z`,
            actor: { sub: r.actor_sub, roles: r.actor_roles },
            action: r.action,
            entityType: r.entity_type,
            entityId: r.entity_id,
            data: r.data,
          },
          prevHash: r.prev_hash,
          hash: r.hash,
          predecessorHash: r.predecessor_hash,
          exactAt: r.at.endsWith('000'),
        }
      : null,
    linkDigest: r.digest,
  }));
}

/** How many events there are after `seq` (the rest of the count, once the walk has stopped). */
export async function eventsAfter(sql: Sql, seq: number): Promise<number> {
  const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE seq > $1`, [seq]);
  return Number(row.n);
}

/** Checkpoints in chain order (seq, then id), after `after`. */
export async function checkpointsInChainOrder(
  sql: Sql,
  after: CheckpointKey | null,
  limit: number,
): Promise<StoredCheckpoint[]> {
  const rows = await sql<CheckpointRow>(
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints
      ${after ? 'WHERE (seq, id) > ($2::bigint, $3::bigint)' : ''}
      ORDER BY seq, id
      LIMIT $1`,
    after ? [limit, after.seq, after.id] : [limit],
  );
  return rows.map(toCheckpoint);
}

/** Checkpoints from the end of the chain backwards, before `before`. */
export async function checkpointsNewestFirst(
  sql: Sql,
  before: CheckpointKey | null,
  limit: number,
): Promise<StoredCheckpoint[]> {
  const rows = await sql<CheckpointRow>(
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints
      ${before ? 'WHERE (seq, id) < ($2::bigint, $3::bigint)' : ''}
      ORDER BY seq DESC, id DESC
      LIMIT $1`,
    before ? [limit, before.seq, before.id] : [limit],
  );
  return rows.map(toCheckpoint);
}

const CHECKPOINT_COLUMNS = 'id, seq, digest, count, at, signature';

export interface CheckpointRow {
  id: string;
  seq: string;
  digest: string;
  count: string;
  at: Date;
  signature: string;
}

export function toCheckpoint(r: CheckpointRow): StoredCheckpoint {
  return {
    id: r.id,
    seq: Number(r.seq),
    digest: r.digest,
    count: Number(r.count),
    at: r.at.toISOString(),
    signature: r.signature,
  };
}
