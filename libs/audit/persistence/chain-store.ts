import { insertRows, type Tx } from '@redress/database';
import type { SignedAuditCheckpoint } from '../audit-checkpoint';

/** The global chain's end: `count` events linked, the last at `seq`, the running digest there. */
export interface ChainHead {
  seq: number;
  count: number;
  digest: string;
}

/**
 * Every event with a seq up to `seq` is final (committed or rolled back for good) once the oldest
 * running xid is above `xid`: `seq` was the sequence's last value before `xid` was assigned, and
 * each audit writer takes its xid before its seq (`audit_next_seq`, migration 12).
 */
export interface Watermark {
  seq: number;
  /** xid8 in decimal (64 bits: compared as bigint). */
  xid: string;
}

export interface ChainState {
  head: ChainHead;
  /** The watermark an earlier pass left to become final, if any. */
  pending: Watermark | null;
  /** The audit sequence's last value, read before this transaction had an xid. */
  lastSeq: number;
  horizon: XidHorizon;
  lastCheckpoint: { seq: number; count: number; at: Date } | null;
}

/** A fresh snapshot's bounds, xid8 in decimal. */
export interface XidHorizon {
  /** The oldest xid still running (pg_snapshot_xmin). */
  oldestRunning: string;
  /** No xid from here on has ended yet (pg_snapshot_xmax). */
  next: string;
}

export interface ChainLink {
  seq: number;
  digest: string;
}

const LINKER_LOCK = `hashtextextended('audit_chain', 0)`;
const LAST_SEQ = `coalesce(pg_sequence_last_value('audit_events_seq_seq'), 0)`;
const HORIZON = `pg_snapshot_xmin(pg_current_snapshot())::text AS oldest_running_xid,
                 pg_snapshot_xmax(pg_current_snapshot())::text AS next_xid`;

/** Linkers (every worker, and the API on a forced checkpoint) take turns; false when one holds it. */
export async function tryLockChain(tx: Tx): Promise<boolean> {
  const [row] = await tx.query(`SELECT pg_try_advisory_xact_lock(${LINKER_LOCK}) AS locked`);
  return row.locked as boolean;
}

export async function lockChain(tx: Tx): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${LINKER_LOCK})`);
}

/** Read after the lock, in a statement of its own, so that it sees the previous holder's commit. */
export async function readChainState(tx: Tx): Promise<ChainState> {
  const [row] = await tx.query(
    `SELECT s.linked_seq, s.linked_count, s.linked_digest, s.pending_seq, s.pending_xid::text AS pending_xid,
            ${LAST_SEQ} AS last_seq, ${HORIZON},
            c.seq AS checkpoint_seq, c.count AS checkpoint_count, c.at AS checkpoint_at
       FROM audit_chain_state s
       LEFT JOIN LATERAL (SELECT seq, count, at FROM audit_checkpoints ORDER BY id DESC LIMIT 1) c ON true`,
  );
  return {
    head: { seq: Number(row.linked_seq), count: Number(row.linked_count), digest: row.linked_digest },
    pending: row.pending_seq === null ? null : { seq: Number(row.pending_seq), xid: row.pending_xid },
    lastSeq: Number(row.last_seq),
    horizon: { oldestRunning: row.oldest_running_xid, next: row.next_xid },
    lastCheckpoint:
      row.checkpoint_seq === null
        ? null
        : { seq: Number(row.checkpoint_seq), count: Number(row.checkpoint_count), at: row.checkpoint_at },
  };
}

/**
 * A watermark of now: the sequence's last value, then an xid taken afterwards. Two autocommitted
 * statements, so the xid's transaction has ended by the time anyone waits for it.
 */
export async function takeWatermark(tx: Tx): Promise<Watermark> {
  const [{ last_seq }] = await tx.query(`SELECT ${LAST_SEQ} AS last_seq`);
  const [{ xid }] = await tx.query(`SELECT pg_current_xact_id()::text AS xid`);
  return { seq: Number(last_seq), xid };
}

export async function xidHorizon(tx: Tx): Promise<XidHorizon> {
  const [row] = await tx.query(`SELECT ${HORIZON}`);
  return { oldestRunning: row.oldest_running_xid, next: row.next_xid };
}

/** Events after the head up to a final seq, in seq order (missing seqs are rolled-back transactions). */
export async function finalEvents(
  tx: Tx,
  afterSeq: number,
  throughSeq: number,
  limit: number,
): Promise<{ seq: number; hash: string }[]> {
  const rows: { seq: string; hash: string }[] = await tx.query(
    `SELECT seq, hash FROM audit_events WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
    [afterSeq, throughSeq, limit],
  );
  return rows.map((r) => ({ seq: Number(r.seq), hash: r.hash }));
}

export async function appendLinks(tx: Tx, links: ChainLink[]): Promise<void> {
  await insertRows(tx, {
    table: 'audit_chain',
    columns: ['seq', 'digest'],
    rows: links,
    values: (link) => [link.seq, link.digest],
  });
}

/** `pending` without an xid takes this transaction's own, assigned after `lastSeq` was read. */
export async function saveChainState(
  tx: Tx,
  head: ChainHead,
  pending: { seq: number; xid?: string } | null,
): Promise<void> {
  await tx.query(
    `UPDATE audit_chain_state
        SET linked_seq = $1, linked_count = $2, linked_digest = $3, pending_seq = $4,
            pending_xid = CASE WHEN $4::bigint IS NULL THEN NULL ELSE coalesce($5::xid8, pg_current_xact_id()) END`,
    [head.seq, head.count, head.digest, pending?.seq ?? null, pending?.xid ?? null],
  );
}

export async function insertCheckpoint(tx: Tx, checkpoint: SignedAuditCheckpoint): Promise<void> {
  await tx.query(
    `INSERT INTO audit_checkpoints (seq, digest, count, at, signature) VALUES ($1, $2, $3, $4, $5)`,
    [checkpoint.seq, checkpoint.digest, checkpoint.count, checkpoint.at, checkpoint.signature],
  );
}
