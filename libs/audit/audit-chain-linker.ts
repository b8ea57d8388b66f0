import { Injectable, Logger } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { Clock } from '@redress/kernel';
import { DataSource } from 'typeorm';
import { signCheckpoint, type SignedAuditCheckpoint } from './audit-checkpoint';
import { chainDigest } from './audit-hash';
import { AuditSigningKey } from './audit-signing-key';
import {
  appendLinks,
  finalEvents,
  insertCheckpoint,
  lockChain,
  readChainState,
  saveChainState,
  takeWatermark,
  tryLockChain,
  xidHorizon,
  type ChainHead,
  type ChainLink,
  type ChainState,
  type Watermark,
  type XidHorizon,
} from './persistence/chain-store';

export interface LinkPassOptions {
  /** Sign a checkpoint when events were linked since the last one and it is at least this old. */
  checkpointAfterMs: number;
}

/**
 * Links committed audit events into the global chain, in seq order, behind a watermark, and signs
 * checkpoints of it. A pass links only seqs known final: each pass leaves a watermark (the sequence's
 * last value, then its own xid) that a later pass finds final once no older xid is running, so an
 * event still in flight is linked on a later pass and writers never wait. One pass is one transaction
 * under an advisory lock; the watermark lives in audit_chain_state, shared by every worker and API.
 */
@Injectable()
export class AuditChainLinker {
  /** Events linked by one worker pass at most, so that a backlog commits in bounded transactions. */
  static readonly PASS_EVENTS = 50_000;
  static readonly BATCH = 5000;
  /** How long a forced checkpoint waits for the transactions in flight when it was asked for. */
  static readonly FORCED_WAIT_MS = 5000;
  private static readonly POLL_MS = 20;
  private readonly logger = new Logger('AuditCheckpoint');

  constructor(
    private readonly dataSource: DataSource,
    private readonly key: AuditSigningKey,
    private readonly clock: Clock,
  ) {}

  /** The worker's pass; skipped while another linker holds the chain. True when a backlog is left. */
  async pass(options: LinkPassOptions): Promise<boolean> {
    const result = await this.dataSource.transaction(async (tx) => {
      if (!(await tryLockChain(tx))) return { more: false };
      return this.advance(tx, { limit: AuditChainLinker.PASS_EVENTS, ...options });
    });
    if (result.checkpoint) this.logCheckpoint(result.checkpoint);
    return result.more;
  }

  /**
   * POST /v1/audit/checkpoints: a checkpoint covering every event committed before the call, once the
   * transactions in flight then have ended (within `waitMs`; past it, what is final by then).
   */
  async checkpointNow(waitMs = AuditChainLinker.FORCED_WAIT_MS): Promise<SignedAuditCheckpoint> {
    const watermark = await takeWatermark(this.dataSource.manager);
    const deadline = Date.now() + waitMs;
    while (!isFinal(watermark, await xidHorizon(this.dataSource.manager)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, AuditChainLinker.POLL_MS));
    const { checkpoint } = await this.dataSource.transaction(async (tx) => {
      await lockChain(tx);
      return this.advance(tx, { limit: Infinity, checkpointAfterMs: 0, force: true, watermark });
    });
    this.logCheckpoint(checkpoint!);
    return checkpoint!;
  }

  private async advance(
    tx: Tx,
    options: LinkPassOptions & { limit: number; force?: boolean; watermark?: Watermark },
  ): Promise<{ more: boolean; checkpoint?: SignedAuditCheckpoint }> {
    const state = await readChainState(tx);
    const final = [state.pending, options.watermark].filter(
      (w): w is Watermark => !!w && isFinal(w, state.horizon),
    );
    const through = Math.max(state.head.seq, ...final.map((w) => w.seq));
    const { head, more } = await this.link(tx, state.head, through, options.limit);
    // a pending watermark stays until reached: replaced on every pass, one would never become final
    const pending =
      state.pending && state.pending.seq > head.seq
        ? state.pending
        : state.lastSeq > head.seq
          ? { seq: state.lastSeq }
          : null;
    if (head !== state.head || pending !== state.pending) await saveChainState(tx, head, pending);
    const checkpoint =
      options.force || this.checkpointDue(state, head, options.checkpointAfterMs)
        ? await this.sign(tx, head)
        : undefined;
    return { more, checkpoint };
  }

  /**
   * Links the events in (head.seq, through], at most `limit`. The new head's seq is `through` once all
   * are linked: seqs without an event there are rolled back for good, and a checkpoint says so.
   */
  private async link(
    tx: Tx,
    from: ChainHead,
    through: number,
    limit: number,
  ): Promise<{ head: ChainHead; more: boolean }> {
    if (through <= from.seq) return { head: from, more: false };
    let { seq, count, digest } = from;
    for (;;) {
      const size = Math.min(AuditChainLinker.BATCH, limit - (count - from.count));
      if (size <= 0) return { head: { seq, count, digest }, more: true };
      const events = await finalEvents(tx, seq, through, size);
      const links: ChainLink[] = [];
      for (const event of events) {
        digest = chainDigest(digest, event.seq, event.hash);
        links.push({ seq: event.seq, digest });
      }
      await appendLinks(tx, links);
      count += events.length;
      if (events.length < size) return { head: { seq: through, count, digest }, more: false };
      seq = events[events.length - 1].seq;
    }
  }

  private checkpointDue(state: ChainState, head: ChainHead, afterMs: number): boolean {
    const last = state.lastCheckpoint;
    if (head.count === (last?.count ?? 0)) return false;
    return !last || this.clock.now().getTime() - last.at.getTime() >= afterMs;
  }

  private async sign(tx: Tx, head: ChainHead): Promise<SignedAuditCheckpoint> {
    const checkpoint = signCheckpoint(this.key.privateKey, {
      seq: head.seq,
      digest: head.digest,
      count: head.count,
      at: this.clock.now().toISOString(),
    });
    await insertCheckpoint(tx, checkpoint);
    return checkpoint;
  }

  /** One JSON line per checkpoint, after its commit: the copy outside the database (SECURITY.md). */
  private logCheckpoint(checkpoint: SignedAuditCheckpoint): void {
    this.logger.log({ checkpoint }, 'audit checkpoint');
  }
}

/**
 * Every transaction that could hold a seq up to the watermark's has ended. A watermark's xid at or
 * past the horizon's next one was never assigned here — the state came with a dump restored into
 * another cluster, whose own transactions all take higher seqs — so nothing is left to wait for.
 */
function isFinal(watermark: Watermark, horizon: XidHorizon): boolean {
  const xid = BigInt(watermark.xid);
  return BigInt(horizon.oldestRunning) > xid || xid >= BigInt(horizon.next);
}
