import type { KeyObject } from 'node:crypto';
import { checkpointSignatureValid, type SignedAuditCheckpoint } from './audit-checkpoint';
import { auditHash, chainDigest, GENESIS_HASH } from './audit-hash';
import {
  checkpointsInChainOrder,
  checkpointsNewestFirst,
  eventsAfter,
  eventsAndLinks,
  lastLinkedSeq,
  type ChainRow,
  type CheckpointKey,
  type Sql,
  type StoredCheckpoint,
} from './persistence/verification-reads';

export interface AuditVerification {
  ok: boolean;
  /** Events in the log (each one checked, up to the first finding). */
  checked: number;
  /** The lowest seq that does not verify, or the first seq after the last checkpoint that still did. */
  firstBrokenSeq: number | null;
  /** Checkpoints whose signature, count and digest matched, up to the first finding. */
  checkpointsVerified: number;
  /** Everything up to this seq is vouched for by a signature (null: nothing is). */
  lastCheckpointSeq: number | null;
}

export interface VerifyOptions {
  /** Checkpoints kept outside the database (the worker's log lines, an outsider's copy of the list). */
  checkpoints?: SignedAuditCheckpoint[];
  batch?: number;
}

const BATCH = 5000;

/**
 * The full walk behind GET /v1/audit/verify and scripts/audit-verify.ts, trusting nothing the database
 * says about itself: every hash is recomputed from the event's content, every link from the hashes,
 * and the chain is compared with each checkpoint signed by the key the database never sees. One walk
 * in seq order up to the first finding, which is therefore the lowest: an event whose recomputed hash
 * is not its stored one (edited) or whose prev_hash is not its entity's previous event's hash, a link
 * without its event (deleted), an event without a link up to the linked end (inserted), a link whose
 * digest is not the recomputed one (rewritten), and a checkpoint whose signature, count or digest does
 * not match (a consistent rewrite of hashes and links alike, which can only be placed after the last
 * checkpoint that still matched).
 */
export async function verifyAuditLog(
  sql: Sql,
  publicKey: KeyObject,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const batch = options.batch ?? BATCH;
  const external = options.checkpoints ?? [];
  const valid = (c: SignedAuditCheckpoint) => checkpointSignatureValid(publicKey, c);
  // every seq up to a genuine checkpoint's must be linked, also where the links' tail was deleted
  const linkedThrough = external.reduce(
    (through, c) => (c.seq > through && valid(c) ? c.seq : through),
    Math.max(await lastLinkedSeq(sql), (await newestValidCheckpoint(sql, valid))?.seq ?? 0),
  );
  // a genuine checkpoint past the walk's end was signed while it ran, over events it does not look at
  const signedMeanwhile = (c: SignedAuditCheckpoint) => c.seq > linkedThrough && valid(c);
  const checkpoints = new CheckpointCursor(sql, signedMeanwhile, external, batch);
  let digest = GENESIS_HASH;
  let count = 0;
  let checked = 0;
  let checkpointsVerified = 0;
  let lastCheckpointSeq: number | null = null;
  // the first seq walked since the last checkpoint that matched: where a mismatching one is reported
  let unvouchedFrom: number | null = null;

  /** Compares the chain so far with every checkpoint below `seq`; a finding's seq, else null. */
  const settleCheckpoints = async (seq: number): Promise<number | null> => {
    for (const checkpoint of await checkpoints.takeBelow(seq)) {
      if (!valid(checkpoint) || checkpoint.count !== count || checkpoint.digest !== digest)
        return unvouchedFrom ?? (lastCheckpointSeq ?? 0) + 1;
      checkpointsVerified += 1;
      lastCheckpointSeq = checkpoint.seq;
      unvouchedFrom = null;
    }
    return null;
  };

  const checkRow = ({ seq, event, linkDigest }: ChainRow): number | null => {
    const hash = event && auditHash(event.prevHash, event.content);
    if (event) {
      checked += 1;
      const intact =
        hash === event.hash && event.exactAt && event.prevHash === (event.predecessorHash ?? GENESIS_HASH);
      if (!intact) return seq;
    }
    if (seq > linkedThrough) return null; // not linked yet: its hash and its entity's chain are all there is
    if (hash === null || linkDigest === null) return seq;
    digest = chainDigest(digest, seq, hash);
    count += 1;
    return digest === linkDigest ? null : seq;
  };

  const walk = async (): Promise<{ broken: number | null; lastSeq: number }> => {
    let lastSeq = 0;
    const read = (after: ChainRow | null) => eventsAndLinks(sql, after?.seq ?? 0, linkedThrough, batch);
    for await (const rows of prefetched(read, batch)) {
      for (const row of rows) {
        const broken =
          (checkpoints.nextSeq < row.seq ? await settleCheckpoints(row.seq) : null) ?? checkRow(row);
        if (broken !== null) return { broken, lastSeq: row.seq };
        unvouchedFrom ??= row.seq;
        lastSeq = row.seq;
      }
    }
    return { broken: await settleCheckpoints(Infinity), lastSeq };
  };

  const { broken, lastSeq } = await walk();
  // past a finding only the count is left to take
  if (broken !== null) checked += await eventsAfter(sql, lastSeq);
  return { ok: broken === null, checked, firstBrokenSeq: broken, checkpointsVerified, lastCheckpointSeq };
}

/** A keyset walk's pages, the next one already asked for while the caller works on this one. */
async function* prefetched<T>(read: (after: T | null) => Promise<T[]>, batch: number): AsyncGenerator<T[]> {
  let next = read(null);
  for (;;) {
    const page = await next;
    const more = page.length === batch;
    if (more) {
      next = read(page[page.length - 1]);
      next.catch(() => undefined); // awaited on the next round; a walk that stops early drops it
    }
    yield page;
    if (!more) return;
  }
}

/** The newest checkpoint in the database with a good signature: forged rows above it are skipped. */
async function newestValidCheckpoint(
  sql: Sql,
  valid: (c: SignedAuditCheckpoint) => boolean,
): Promise<StoredCheckpoint | undefined> {
  let before: CheckpointKey | null = null;
  for (;;) {
    const page = await checkpointsNewestFirst(sql, before, 100);
    const found = page.find(valid);
    if (found || page.length === 0) return found;
    before = page[page.length - 1];
  }
}

/**
 * The database's checkpoints, a page at a time, merged in seq order with the ones kept outside; a
 * checkpoint in both (same signature: Ed25519 signs deterministically) counts once, and the
 * database's own `skipped` ones not at all.
 */
class CheckpointCursor {
  private page: StoredCheckpoint[] = [];
  private inPage = 0;
  private morePages = true;
  private readonly outside: SignedAuditCheckpoint[];
  private inOutside = 0;
  private readonly outsideSignatures: Set<string>;
  /** The seq of the next checkpoint to take; -Infinity until the first page is read. */
  nextSeq = -Infinity;

  constructor(
    private readonly sql: Sql,
    private readonly skipped: (c: StoredCheckpoint) => boolean,
    outside: SignedAuditCheckpoint[],
    private readonly batch: number,
  ) {
    this.outside = [...outside].sort((a, b) => a.seq - b.seq);
    this.outsideSignatures = new Set(outside.map((c) => c.signature));
  }

  async takeBelow(seq: number): Promise<SignedAuditCheckpoint[]> {
    const taken: SignedAuditCheckpoint[] = [];
    for (;;) {
      if (this.inPage === this.page.length && this.morePages) await this.readPage();
      const own = this.page[this.inPage];
      const kept = this.outside[this.inOutside];
      const next = own && (!kept || own.seq <= kept.seq) ? own : kept;
      if (!next || next.seq >= seq) break;
      if (next === own) this.inPage += 1;
      else this.inOutside += 1;
      const dropped = next === own && (this.outsideSignatures.has(own.signature) || this.skipped(own));
      if (!dropped) taken.push(next);
    }
    this.nextSeq = Math.min(
      this.page[this.inPage]?.seq ?? Infinity,
      this.outside[this.inOutside]?.seq ?? Infinity,
    );
    return taken;
  }

  private async readPage(): Promise<void> {
    const after = this.page[this.page.length - 1] ?? null;
    this.page = await checkpointsInChainOrder(this.sql, after, this.batch);
    this.inPage = 0;
    this.morePages = this.page.length === this.batch;
  }
}
