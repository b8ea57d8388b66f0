import {
  AuditChainLinker,
  auditContentOf,
  auditHash,
  AuditLog,
  chainDigest,
  GENESIS_HASH,
  signCheckpoint,
  type AuditEventContent,
  type AuditEventRow,
  type SignedAuditCheckpoint,
} from '@redress/audit';
import {
  act,
  eventually,
  spawnTypeScript,
  suspendAndAppeal,
  suspensionRequest,
  TestApp,
} from '@redress/testing';
import canonicalize from 'canonicalize';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';

const REVIEWER: ['rev_1', 'reviewer'] = ['rev_1', 'reviewer'];
const TAMPERABLE = ['audit_events', 'audit_chain', 'audit_checkpoints'];

/** scripts/audit-verify.ts as an outsider runs it, in a process of its own; its one line of output parsed. */
function outsiderCheck(args: string[]): Promise<{ code: number | null; result: unknown; stderr: string }> {
  const child = spawnTypeScript('scripts/audit-verify.ts', { args });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, result: stdout ? JSON.parse(stdout) : null, stderr })),
  );
}

describe('Audit checkpoints: tamper evidence that does not trust the database', () => {
  let app: TestApp;
  let dir: string;
  const admin = () => app.bearer('admin_1', 'admin');
  const verifyLog = async () => (await app.http.get('/v1/audit/verify').set(admin()).expect(200)).body;
  const forceCheckpoint = async (): Promise<SignedAuditCheckpoint> =>
    (await app.http.post('/v1/audit/checkpoints').set(admin()).expect(201)).body;
  const events = () => app.query<AuditEventRow>(`SELECT * FROM audit_events ORDER BY seq`);
  const createSuspension = async () =>
    (
      await app.http
        .post('/v1/suspensions')
        .set(app.bearer('enforcer_1', 'enforcement'))
        .send(suspensionRequest())
        .expect(201)
    ).body.id as string;
  const lastSeqOf = async (entityId: string) =>
    Number(
      (
        await app.query<{ seq: string }>(`SELECT max(seq) AS seq FROM audit_events WHERE entity_id = $1`, [
          entityId,
        ])
      )[0].seq,
    );
  const publicKeyPem = async (): Promise<string> =>
    (
      await app.http
        .get('/v1/audit/checkpoints/public-key')
        .set(admin())
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => done(null, text));
        })
        .expect(200)
        .expect('Content-Type', /application\/x-pem-file/)
    ).body;

  /** A database administrator at work: triggers off for this one transaction, as a superuser can. */
  const asDba = async (work: (client: PoolClient) => Promise<unknown>) => {
    const client = await app.db.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  const backUp = () =>
    app.query(
      TAMPERABLE.map((t) => `DROP TABLE IF EXISTS ${t}_copy; CREATE TABLE ${t}_copy AS TABLE ${t};`).join(''),
    );
  const restore = () =>
    asDba((c) =>
      c.query(TAMPERABLE.map((t) => `DELETE FROM ${t}; INSERT INTO ${t} TABLE ${t}_copy;`).join('')),
    );

  beforeAll(async () => {
    app = await TestApp.start('audit_checkpoints', { worker: false, env: { AUDIT_CHECKPOINT_SECONDS: '1' } });
    dir = mkdtempSync(join(tmpdir(), 'redress-audit-'));
  });
  afterAll(() => app.close());

  let first: Awaited<ReturnType<typeof suspendAndAppeal>>;
  let firstCheckpoint: SignedAuditCheckpoint;

  it('signs a checkpoint of every committed event, verifiable with the published key by node:crypto alone', async () => {
    first = await suspendAndAppeal(app);
    await suspendAndAppeal(app);
    await app.http
      .post('/v1/review/next')
      .set(app.bearer(...REVIEWER))
      .expect(200);
    await act(app, first.appealId, 'decision', REVIEWER, {
      outcome: 'upheld',
      rationale: 'The traffic is distillation-shaped beyond doubt; the statement explains none of it.',
    });

    const rows = await events();
    firstCheckpoint = await forceCheckpoint();
    // SECURITY.md's formulas, recomputed from the rows
    let digest = GENESIS_HASH;
    for (const r of rows)
      digest = chainDigest(digest, Number(r.seq), auditHash(r.prev_hash, auditContentOf(r)));
    expect(firstCheckpoint).toEqual({
      seq: Number(rows[rows.length - 1].seq),
      digest,
      count: rows.length,
      at: expect.any(String),
      signature: expect.any(String),
    });
    const { seq, count, at } = firstCheckpoint;
    const signed = Buffer.from(canonicalize({ seq, digest, count, at }) as string);
    const key = createPublicKey(await publicKeyPem());
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(verify(null, signed, key, Buffer.from(firstCheckpoint.signature, 'base64'))).toBe(true);

    const listed = await app.http.get('/v1/audit/checkpoints').set(admin()).expect(200);
    expect(listed.body).toEqual({ data: [firstCheckpoint], nextCursor: null });
    expect(await verifyLog()).toEqual({
      ok: true,
      checked: rows.length,
      firstBrokenSeq: null,
      checkpointsVerified: 1,
      lastCheckpointSeq: seq,
    });
  });

  it('reports the first bad seq of every rewrite of checkpointed history by someone without the key', async () => {
    // a transaction that took a seq and rolled back: a gap in the covered range
    const [{ seq: gapText }] = await asDbaRolledBack(
      `INSERT INTO audit_events (at, actor_sub, actor_roles, action, entity_type, entity_id, data, prev_hash, hash)
       VALUES (now(), 'x', '{}', 'test.rolled_back', 'test', 'rolled-back', '{}', repeat('0', 64), repeat('0', 64))
       RETURNING seq`,
    );
    const gap = Number(gapText);
    const third = await suspendAndAppeal(app);
    const secondCheckpoint = await forceCheckpoint();
    const rows = await events();
    expect(rows.map((r) => Number(r.seq))).not.toContain(gap);
    expect(secondCheckpoint).toMatchObject({ seq: await lastSeqOf(third.appealId), count: rows.length });
    expect(await verifyLog()).toMatchObject({ ok: true, checkpointsVerified: 2 });
    await backUp();

    const chainOf = (entityId: string) =>
      rows.filter((r) => r.entity_id === entityId).map((r) => Number(r.seq));
    const decidedAppeal = chainOf(first.appealId); // submitted, claimed, decided
    expect(decidedAppeal.length).toBeGreaterThanOrEqual(3);
    const afterFirstCheckpoint = rows.map((r) => Number(r.seq)).filter((s) => s > firstCheckpoint.seq);
    expect(afterFirstCheckpoint.length).toBeGreaterThanOrEqual(2);
    const edited = chainOf(first.suspensionId)[0];

    const cases: [string, () => Promise<unknown>, number][] = [
      [
        'an event edited in place',
        () =>
          asDba((c) =>
            c.query(`UPDATE audit_events SET data = data || '{"reasonCode": "other"}' WHERE seq = $1`, [
              edited,
            ]),
          ),
        edited,
      ],
      [
        'an event deleted from the middle of its chain',
        () => asDba((c) => c.query(`DELETE FROM audit_events WHERE seq = $1`, [decidedAppeal[1]])),
        decidedAppeal[1],
      ],
      [
        'the last event of a chain deleted (the decision)',
        () => asDba((c) => c.query(`DELETE FROM audit_events WHERE seq = $1`, [decidedAppeal.at(-1)])),
        decidedAppeal.at(-1)!,
      ],
      [
        "a whole entity's chain deleted",
        () => asDba((c) => c.query(`DELETE FROM audit_events WHERE entity_id = $1`, [first.appealId])),
        decidedAppeal[0],
      ],
      [
        'an event inserted at an unused seq inside the covered range, with a valid hash of its own',
        () => insertForged(gap),
        gap,
      ],
      [
        'an event rewritten with its chain’s hashes and the global links recomputed (placed after the last matching checkpoint)',
        () => rewriteConsistently(afterFirstCheckpoint[afterFirstCheckpoint.length - 1]),
        afterFirstCheckpoint[0],
      ],
      [
        'a checkpoint forged with another key (after the last genuine one)',
        () =>
          insertCheckpoint(
            signCheckpoint(generateKeyPairSync('ed25519').privateKey, {
              ...secondCheckpoint,
              at: new Date().toISOString(),
            }),
          ),
        secondCheckpoint.seq + 1,
      ],
    ];
    for (const [what, tamper, firstBrokenSeq] of cases) {
      await tamper();
      expect({ what, verified: await verifyLog() }).toMatchObject({
        what,
        verified: { ok: false, firstBrokenSeq },
      });
      await restore();
    }
    expect(await verifyLog()).toMatchObject({ ok: true, lastCheckpointSeq: secondCheckpoint.seq });
  });

  it('links an event whose transaction was still open on a later pass, never skipping it', async () => {
    const linker = app.api.get(AuditChainLinker);
    const before = await lastSeqOf(await createSuspension());
    await linker.pass({ checkpointAfterMs: 0 }); // leaves a watermark over `before`

    const runner = app.api.get(DataSource).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await app.api.get(AuditLog).append(runner.manager, {
        actor: { sub: 'rev_1', roles: ['reviewer'] },
        action: 'test.in_flight',
        entityType: 'test',
        entityId: 'in-flight',
      });
      const [{ seq: inFlight }] = await runner.query(
        `SELECT seq FROM audit_events WHERE entity_id = 'in-flight'`,
      );
      const after = await lastSeqOf(await createSuspension());
      expect(after).toBeGreaterThan(Number(inFlight));

      const partial = await linker.checkpointNow(200);
      expect(partial.seq).toBeGreaterThanOrEqual(before);
      expect(partial.seq).toBeLessThan(Number(inFlight));
      const [{ n }] = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_chain WHERE seq >= $1`,
        [inFlight],
      );
      expect(n).toBe(0);
      expect(await verifyLog()).toMatchObject({ ok: true, lastCheckpointSeq: partial.seq });
      await runner.commitTransaction();

      const full = await forceCheckpoint();
      expect(full.seq).toBeGreaterThanOrEqual(after);
      const [counts] = await app.query<{ events: number; links: number; unlinked: number }>(
        `SELECT (SELECT count(*)::int FROM audit_events) AS events, (SELECT count(*)::int FROM audit_chain) AS links,
                (SELECT count(*)::int FROM audit_events e WHERE NOT EXISTS (SELECT 1 FROM audit_chain l WHERE l.seq = e.seq)) AS unlinked`,
      );
      expect(counts).toEqual({ events: full.count, links: full.count, unlinked: 0 });
      expect(await verifyLog()).toMatchObject({ ok: true, lastCheckpointSeq: full.seq });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('takes a watermark left by another cluster (state restored from a dump) as final', async () => {
    const seq = await lastSeqOf(await createSuspension());
    // an xid this cluster never assigned
    await app.query(`UPDATE audit_chain_state SET pending_seq = $1, pending_xid = '999999999999'`, [seq]);
    await app.api.get(AuditChainLinker).pass({ checkpointAfterMs: 0 });
    const [{ n }] = await app.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_chain WHERE seq = $1`,
      [seq],
    );
    expect(n).toBe(1);
  });

  it('lets an outsider check a copy with the public key, and catch a truncated tail with kept checkpoints', async () => {
    const keyFile = join(dir, 'audit-public-key.pem');
    writeFileSync(keyFile, await publicKeyPem());
    const database = ['--database-url', app.env.DATABASE_MIGRATION_URL];
    const newest = await forceCheckpoint();

    expect(await outsiderCheck([...database, '--public-key', keyFile])).toMatchObject({
      code: 0,
      result: { ok: true, firstBrokenSeq: null, lastCheckpointSeq: newest.seq },
    });

    const otherKeyFile = join(dir, 'other-public-key.pem');
    writeFileSync(
      otherKeyFile,
      generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
    );
    const [{ seq: firstSeq }] = await events();
    expect(await outsiderCheck([...database, '--public-key', otherKeyFile])).toMatchObject({
      code: 1,
      result: { ok: false, firstBrokenSeq: Number(firstSeq), checkpointsVerified: 0 },
    });

    // the outsider's copy of the list, then history cut back to an older checkpoint with it
    const copy: SignedAuditCheckpoint[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page: { body: { data: SignedAuditCheckpoint[]; nextCursor: string | null } } = await app.http
        .get(`/v1/audit/checkpoints?limit=2&cursor=${cursor}`)
        .set(admin())
        .expect(200);
      copy.push(...page.body.data);
      cursor = page.body.nextCursor;
    }
    const copyFile = join(dir, 'checkpoints.json');
    writeFileSync(copyFile, JSON.stringify(copy));
    const older = copy.find((c) => c.seq < newest.seq)!;
    await backUp();
    await asDba(async (c) => {
      for (const table of TAMPERABLE) await c.query(`DELETE FROM ${table} WHERE seq > $1`, [older.seq]);
    });
    expect(await verifyLog()).toMatchObject({ ok: true, lastCheckpointSeq: older.seq }); // the database alone cannot tell
    expect(
      await outsiderCheck([...database, '--public-key', keyFile, '--checkpoints', copyFile]),
    ).toMatchObject({
      code: 1,
      result: { ok: false, firstBrokenSeq: older.seq + 1 },
    });
    await restore();
  });

  it('the worker links and signs by itself at least every AUDIT_CHECKPOINT_SECONDS', async () => {
    await app.startWorker();
    const seq = await lastSeqOf(await createSuspension());
    const signed = await eventually(async () => {
      const [latest] = (await app.http.get('/v1/audit/checkpoints?limit=1').set(admin()).expect(200)).body
        .data;
      return latest.seq >= seq && latest;
    }, 10_000);
    expect(await verifyLog()).toMatchObject({ ok: true, lastCheckpointSeq: signed.seq });
  });

  /** Runs a statement as a DBA in a transaction that rolls back, returning its rows. */
  async function asDbaRolledBack(sql: string): Promise<{ seq: string }[]> {
    const client = await app.db.connect();
    try {
      await client.query('BEGIN');
      return (await client.query(sql)).rows;
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  async function insertCheckpoint(checkpoint: SignedAuditCheckpoint) {
    const { seq, digest, count, at, signature } = checkpoint;
    await app.query(
      `INSERT INTO audit_checkpoints (seq, digest, count, at, signature) VALUES ($1, $2, $3, $4, $5)`,
      [seq, digest, count, at, signature],
    );
  }

  /** A new entity's first event at `seq`, hashed correctly: only the global chain can tell. */
  async function insertForged(seq: number) {
    const content: AuditEventContent = {
      at: new Date().toISOString(),
      actor: { sub: 'admin_1', roles: ['admin'] },
      action: 'refund.approved',
      entityType: 'refund',
      entityId: 'forged',
      data: { amountMinor: 1_000_000 },
    };
    await asDba((c) =>
      c.query(
        `INSERT INTO audit_events (seq, at, actor_sub, actor_roles, action, entity_type, entity_id, data, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          seq,
          content.at,
          content.actor.sub,
          content.actor.roles,
          content.action,
          content.entityType,
          content.entityId,
          JSON.stringify(content.data),
          GENESIS_HASH,
          auditHash(GENESIS_HASH, content),
        ],
      ),
    );
  }

  /** What an attacker who knows the formulas does: edit, then recompute every hash and link after it. */
  async function rewriteConsistently(seq: number) {
    const rows = await events();
    const victim = rows.find((r) => Number(r.seq) === seq)!;
    const hashes = new Map(rows.map((r) => [Number(r.seq), r.hash]));
    const rewritten: { seq: number; data: Record<string, unknown>; prevHash: string; hash: string }[] = [];
    let previous = victim.prev_hash;
    for (const row of rows.filter((r) => r.entity_id === victim.entity_id && Number(r.seq) >= seq)) {
      const content = auditContentOf(row);
      if (row === victim) content.data = { ...content.data, statement: 'I admit to everything.' };
      const hash = auditHash(previous, content);
      rewritten.push({ seq: Number(row.seq), data: content.data, prevHash: previous, hash });
      hashes.set(Number(row.seq), hash);
      previous = hash;
    }
    const links = await app.query<{ seq: string; digest: string }>(
      `SELECT seq, digest FROM audit_chain ORDER BY seq`,
    );
    let digest = GENESIS_HASH;
    const relinked: { seq: number; digest: string }[] = [];
    for (const link of links) {
      const linkSeq = Number(link.seq);
      if (linkSeq < seq) digest = link.digest;
      else
        relinked.push({
          seq: linkSeq,
          digest: (digest = chainDigest(digest, linkSeq, hashes.get(linkSeq)!)),
        });
    }
    await asDba(async (c) => {
      for (const r of rewritten)
        await c.query(`UPDATE audit_events SET data = $2, prev_hash = $3, hash = $4 WHERE seq = $1`, [
          r.seq,
          JSON.stringify(r.data),
          r.prevHash,
          r.hash,
        ]);
      for (const l of relinked)
        await c.query(`UPDATE audit_chain SET digest = $2 WHERE seq = $1`, [l.seq, l.digest]);
    });
  }
});
