import type { KeyObject } from 'node:crypto';
import { checkpointSignatureValid, type SignedAuditCheckpoint } from './audit-checkpoint';
import { auditHash, chainDigest, GENESIS_HASH } from './audit-hash';
import {
  checkpointsInChainOrder,
  checkpointsNewestFirst,
  entityChainRows,
  eventsAndLinks,
  lastLinkedSeq,
  type ChainRow,
  type CheckpointKey,
  type EntityChainRow,
  type Sql,
  type StoredCheckpoint,
} from './persistence/verification-reads';

export interface AuditVerification {
  ok: boolean;
  /** Events walked. */
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
 * and the chain is compared with each checkpoint signed by the key the database never sees.
 */
export async function verifyAuditLog(
  sql: Sql,
  publicKey: KeyObject,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const batch = options.batch ?? BATCH;
  const chain = await walkGlobalChain(sql, publicKey, options.checkpoints ?? [], batch);
  const entities = await walkEntityChains(sql, batch);
  const broken = [chain.firstBroken, entities.firstBroken].filter((s): s is number => s !== null);
  return {
    ok: broken.length === 0,
    checked: entities.checked,
    firstBrokenSeq: broken.length ? Math.min(...broken) : null,
    checkpointsVerified: chain.checkpointsVerified,
    lastCheckpointSeq: chain.lastCheckpointSeq,
  };
}

/**
 * Each entity's chain (a): every event names its predecessor's hash. That each hash is the one of
 * its content is checked by the global walk, in seq order, which hashes every event once.
 */
async function walkEntityChains(
  sql: Sql,
  batch: number,
): Promise<{ checked: number; firstBroken: number | null }> {
  let checked = 0;
  let firstBroken: number | null = null;
  let previous: EntityChainRow | null = null;
  for (;;) {
    const rows = await entityChainRows(sql, previous, batch);
    for (const row of rows) {
      const sameChain = previous?.entityId === row.entityId && previous.entityType === row.entityType;
      const expected = sameChain ? previous!.hash : GENESIS_HASH;
      if (row.prevHash !== expected && (firstBroken === null || row.seq < firstBroken)) firstBroken = row.seq;
      previous = row;
      checked += 1;
    }
    if (rows.length < batch) return { checked, firstBroken };
  }
}

interface ChainWalk {
  firstBroken: number | null;
  checkpointsVerified: number;
  lastCheckpointSeq: number | null;
}

/**
 * The global chain (b), in seq order up to the first finding: an event whose recomputed hash is not its
 * stored one (edited), a link without its event (deleted), an event without a link up to the linked end
 * (inserted), a link whose digest is not the recomputed one (rewritten), and a checkpoint whose
 * signature, count or digest does not match (a consistent rewrite of hashes and links alike, which
 * can only be placed after the last checkpoint that still matched).
 */
async function walkGlobalChain(
  sql: Sql,
  publicKey: KeyObject,
  external: SignedAuditCheckpoint[],
  batch: number,
): Promise<ChainWalk> {
  const valid = (c: SignedAuditCheckpoint) => checkpointSignatureValid(publicKey, c);
  // every seq up to a genuine checkpoint's must be linked, also where the links' tail was deleted
  const linkedThrough = Math.max(
    await lastLinkedSeq(sql),
    (await newestValidCheckpoint(sql, valid, batch))?.seq ?? 0,
    ...external.filter(valid).map((c) => c.seq),
  );
  const checkpoints = new CheckpointCursor(sql, external, batch);
  let digest = GENESIS_HASH;
  let count = 0;
  let checkpointsVerified = 0;
  let lastCheckpointSeq: number | null = null;
  // the first seq walked since the last checkpoint that matched: where a mismatching one is reported
  let unvouchedFrom: number | null = null;
  const walk = (firstBroken: number | null): ChainWalk => ({
    firstBroken,
    checkpointsVerified,
    lastCheckpointSeq,
  });

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

  const checkRow = (row: ChainRow): number | null => {
    const event = row.event;
    const hash = event && auditHash(event.prevHash, event.content);
    if (event && (hash !== event.hash || !event.exactAt)) return row.seq;
    if (row.seq > linkedThrough) return null; // not linked yet: checked by its hash and its entity's chain
    if (hash === null || row.linkDigest === null) return row.seq;
    digest = chainDigest(digest, row.seq, hash);
    count += 1;
    return digest === row.linkDigest ? null : row.seq;
  };

  let afterSeq = 0;
  for (;;) {
    const rows = await eventsAndLinks(sql, afterSeq, linkedThrough, batch);
    for (const row of rows) {
      const broken =
        (checkpoints.nextSeq < row.seq ? await settleCheckpoints(row.seq) : null) ?? checkRow(row);
      if (broken !== null) return walk(broken);
      unvouchedFrom ??= row.seq;
    }
    if (rows.length < batch) break;
    afterSeq = rows[rows.length - 1].seq;
  }
  return walk(await settleCheckpoints(Infinity));
}

/** The newest checkpoint in the database with a good signature: forged rows above it are skipped. */
async function newestValidCheckpoint(
  sql: Sql,
  valid: (c: SignedAuditCheckpoint) => boolean,
  batch: number,
): Promise<StoredCheckpoint | undefined> {
  let before: CheckpointKey | null = null;
  for (;;) {
    const page = await checkpointsNewestFirst(sql, before, Math.min(batch, 100));
    const found = page.find(valid);
    if (found || page.length === 0) return found;
    before = page[page.length - 1];
  }
}

/**
 * The database's checkpoints, a page at a time, merged in seq order with the ones kept outside; a
 * checkpoint in both (same signature: Ed25519 signs deterministically) counts once.
 */
class CheckpointCursor {
  private page: StoredCheckpoint[] = [];
  private pageAfter: CheckpointKey | null = null;
  private morePages = true;
  private readonly outside: SignedAuditCheckpoint[];
  private readonly outsideSignatures: Set<string>;
  /** The seq of the next checkpoint to take; -Infinity until the first page is read. */
  nextSeq = -Infinity;

  constructor(
    private readonly sql: Sql,
    outside: SignedAuditCheckpoint[],
    private readonly batch: number,
  ) {
    this.outside = [...outside].sort((a, b) => a.seq - b.seq);
    this.outsideSignatures = new Set(outside.map((c) => c.signature));
  }

  async takeBelow(seq: number): Promise<SignedAuditCheckpoint[]> {
    const taken: SignedAuditCheckpoint[] = [];
    for (;;) {
      if (this.page.length === 0 && this.morePages) await this.readPage();
      const own = this.page[0];
      const kept = this.outside[0];
      const next = own && (!kept || own.seq <= kept.seq) ? own : kept;
      if (!next || next.seq >= seq) break;
      (next === own ? this.page : this.outside).shift();
      if (next !== own || !this.outsideSignatures.has(own.signature)) taken.push(next);
    }
    this.nextSeq = Math.min(this.page[0]?.seq ?? Infinity, this.outside[0]?.seq ?? Infinity);
    return taken;
  }

  private async readPage(): Promise<void> {
    this.page = await checkpointsInChainOrder(this.sql, this.pageAfter, this.batch);
    this.morePages = this.page.length === this.batch;
    this.pageAfter = this.page[this.page.length - 1] ?? this.pageAfter;
  }
}
