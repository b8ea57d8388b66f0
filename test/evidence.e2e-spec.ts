import { act, suspendAndAppeal, TestApp } from '@redress/testing';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

type Headers = { Authorization: string };
type AppealStatus = 'submitted' | 'decided' | 'withdrawn';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MiB = 1024 * 1024;
const REVIEWER: ['rev_1', 'reviewer'] = ['rev_1', 'reviewer'];

// The smallest real files of each kind: what a browser would send, not just a magic number.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5b0000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.from('0d0000002f0000000007d0ff00001007fe0700', 'hex'),
]);
const ELF = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), randomBytes(112)]);
const WINDOWS_EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  randomBytes(200),
]);

describe('Evidence: safe uploads, storage and downloads', () => {
  let app: TestApp;
  let evidenceDir: string;
  const reviewer = () => app.bearer(...REVIEWER);

  beforeAll(async () => {
    evidenceDir = await mkdtemp(join(tmpdir(), 'redress-evidence-'));
    // what a process killed mid-upload leaves behind, two hours ago
    await mkdir(join(evidenceDir, 'tmp'));
    await writeFile(join(evidenceDir, 'tmp', 'crashed.upload'), 'half a file');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(join(evidenceDir, 'tmp', 'crashed.upload'), twoHoursAgo, twoHoursAgo);
    app = await TestApp.start('evidence', { worker: false, env: { EVIDENCE_DIR: evidenceDir } });
  });
  afterAll(async () => {
    await app.close();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  /** An appeal filed through the API, then taken to the state a test needs. */
  async function appeal(status: AppealStatus = 'submitted') {
    const filed = await suspendAndAppeal(app);
    if (status === 'decided') {
      await act(app, filed.appealId, 'claim', REVIEWER);
      await act(app, filed.appealId, 'decision', REVIEWER, {
        outcome: 'upheld',
        rationale: 'The logs show systematic extraction of model outputs.',
      });
    }
    if (status === 'withdrawn') await act(app, filed.appealId, 'withdraw', [filed.accountId, 'appellant']);
    return { id: filed.appealId, owner: filed.owner };
  }

  function upload(
    appealId: string,
    as: Headers,
    content: Buffer,
    filename: string,
    fields: Record<string, string> = {},
  ) {
    const request = app.http.post(`/v1/appeals/${appealId}/evidence`).set(as);
    for (const [name, value] of Object.entries(fields)) request.field(name, value);
    // form-data's `filepath` option (untyped in superagent) sends the name exactly as given, where
    // `filename` would be reduced to its basename before it ever reached the server.
    const asGiven = { filepath: filename, contentType: 'application/octet-stream' } as {
      contentType: string;
    };
    return request.attach('file', content, asGiven);
  }

  const download = (evidenceId: string, as: Headers) =>
    app.http
      .get(`/v1/evidence/${evidenceId}/content`)
      .set(as)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  /** Every file under EVIDENCE_DIR, relative to it. */
  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(evidenceDir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => relative(evidenceDir, join(e.parentPath, e.name)));
  }
  const blobPath = (hash: string) => join(evidenceDir, hash.slice(0, 2), hash.slice(2, 4), hash);
  const rowsFor = (appealId: string) =>
    app.query<{ id: string }>('SELECT id FROM evidence WHERE appeal_id = $1', [appealId]);

  it('removes temporary files abandoned by a crashed process when it starts', async () => {
    expect(await readdir(join(evidenceDir, 'tmp'))).toEqual([]);
  });

  it('round-trips PNG, PDF and text byte for byte, typed from the bytes, hashed and audited', async () => {
    const { id, owner } = await appeal();
    const text = Buffer.from(`Our nightly evaluation runs at 02:00 UTC.\nRun id ${randomUUID()}\n`);
    const cases = [
      { bytes: PNG, name: 'screenshot.png', type: 'image/png' },
      { bytes: PDF, name: 'invoice.pdf', type: 'application/pdf' },
      { bytes: text, name: 'schedule.txt', type: 'text/plain' },
    ];
    for (const { bytes, name, type } of cases) {
      const created = await upload(id, owner, bytes, name, {
        description: `  ${name} for the reviewer  `,
      }).expect(201);
      expect(created.body).toEqual({
        view: 'public',
        id: expect.any(String),
        appealId: id,
        submittedBy: 'appellant',
        fileName: name,
        contentType: type,
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
        description: `${name} for the reviewer`,
        internal: false,
        createdAt: expect.any(String),
      });

      const got = await download(created.body.id, owner).expect(200);
      expect(Buffer.compare(got.body as Buffer, bytes)).toBe(0);
      expect(got.headers['content-type']).toBe(type.startsWith('text/') ? `${type}; charset=utf-8` : type);
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="${name}"; filename*=UTF-8''${name}`,
      );
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-length']).toBe(String(bytes.length));
      expect(got.headers['repr-digest']).toBe(
        `sha-256=:${Buffer.from(sha256(bytes), 'hex').toString('base64')}:`,
      );
      expect(await readFile(blobPath(sha256(bytes)))).toEqual(bytes);
    }

    const listed = await app.http.get(`/v1/appeals/${id}/evidence`).set(owner).expect(200);
    expect(listed.body.data.map((e: { fileName: string }) => e.fileName)).toEqual(cases.map((c) => c.name));
    expect(listed.body.nextCursor).toBeNull();

    const audit = await app.query<{ action: string; data: Record<string, unknown> }>(
      `SELECT action, data FROM audit_events WHERE entity_type = 'appeal' AND entity_id = $1 ORDER BY seq`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'appeal.filed',
      'evidence.uploaded',
      'evidence.uploaded',
      'evidence.uploaded',
    ]);
    expect(audit[3].data).toEqual({
      evidenceId: listed.body.data[2].id,
      submittedBy: 'appellant',
      fileName: 'schedule.txt',
      contentType: 'text/plain',
      sizeBytes: text.length,
      sha256: sha256(text),
      internal: false,
    });
    expect(JSON.stringify(audit)).not.toContain('nightly evaluation');
    const chain = await app.http.get('/v1/audit/verify').set(app.bearer('adm_1', 'admin')).expect(200);
    expect(chain.body).toMatchObject({ ok: true });
    expect(await readdir(join(evidenceDir, 'tmp'))).toEqual([]);
  });

  it('types JPEG, WebP, CSV and JSON from their bytes, whatever the client calls them', async () => {
    const { id, owner } = await appeal();
    const cases = [
      { bytes: JPEG, name: 'photo.jpeg', type: 'image/jpeg', stored: 'photo.jpeg' },
      { bytes: WEBP, name: 'capture', type: 'image/webp', stored: 'capture.webp' },
      {
        bytes: Buffer.from('day,requests\n2024-05-01,120\n2024-05-02,98\n'),
        name: 'usage.csv',
        type: 'text/csv',
        stored: 'usage.csv',
      },
      {
        bytes: Buffer.from('{"requests": 120, "distinctPrompts": 4}'),
        name: 'stats.html',
        type: 'application/json',
        stored: 'stats.html.json',
      },
    ];
    for (const { bytes, name, type, stored } of cases) {
      const created = await upload(id, owner, bytes, name).expect(201);
      expect(created.body).toMatchObject({ contentType: type, fileName: stored, sha256: sha256(bytes) });
    }
  });

  it('refuses an executable renamed .pdf (415) and stores nothing', async () => {
    const { id, owner } = await appeal();
    const before = await storedFiles();
    for (const [bytes, name] of [
      [ELF, 'statement.pdf'],
      [WINDOWS_EXE, 'scan.png'],
    ] as const) {
      const refused = await upload(id, owner, bytes, name).expect(415);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('unsupported_media_type');
    }
    expect(await rowsFor(id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses an 11 MiB file while it streams (413) leaving no row, no file, no temporary file', async () => {
    const { id, owner } = await appeal();
    const before = await storedFiles();
    const refused = await upload(id, owner, Buffer.alloc(11 * MiB, 'a'), 'huge.txt').expect(413);
    expect(refused.body).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(refused.body.detail).toContain('10485760 bytes');
    expect(await rowsFor(id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);

    // the JSON body limit (1 MiB) does not apply: a file of exactly the limit is accepted
    const atLimit = Buffer.alloc(10 * MiB, 'b');
    const created = await upload(id, owner, atLimit, 'limit.txt').expect(201);
    expect(created.body).toMatchObject({ sizeBytes: 10 * MiB, sha256: sha256(atLimit) });
  });

  it('stores a hostile file name safely and returns it sanitised', async () => {
    const { id, owner } = await appeal();
    const created = await upload(id, owner, PDF, '../../etc/passwd\u202e.pdf').expect(201);
    expect(created.body.fileName).toBe('passwd.pdf');
    const [row] = await app.query<{ file_name: string }>('SELECT file_name FROM evidence WHERE id = $1', [
      created.body.id,
    ]);
    expect(row.file_name).toBe('passwd.pdf');
    const got = await download(created.body.id, owner).expect(200);
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`,
    );
    // content lives only under its hash; nothing is named after the client
    expect((await storedFiles()).filter((f) => f.includes('passwd'))).toEqual([]);
  });

  it('takes 20 files per appeal and refuses the 21st (409), storing identical content once', async () => {
    const { id, owner } = await appeal();
    const same = Buffer.from(`the same log, uploaded again and again ${randomUUID()}\n`);
    for (let i = 1; i <= 20; i += 1) await upload(id, owner, same, `log-${i}.txt`).expect(201);
    const full = await upload(id, owner, same, 'log-21.txt').expect(409);
    expect(full.body.code).toBe('evidence_limit_reached');
    expect(await rowsFor(id)).toHaveLength(20);
    expect((await storedFiles()).filter((f) => f.endsWith(sha256(same)))).toHaveLength(1);
    const staff = await upload(id, reviewer(), PNG, 'note.png').expect(409);
    expect(staff.body.code).toBe('evidence_limit_reached');
  });

  it('hides an appeal’s evidence from another appellant (404 on upload, list and download)', async () => {
    const { id, owner } = await appeal();
    const created = await upload(id, owner, PNG, 'mine.png').expect(201);
    const stranger = app.bearer('acct_stranger', 'appellant');
    expect((await app.http.get(`/v1/appeals/${id}/evidence`).set(stranger).expect(404)).body.code).toBe(
      'not_found',
    );
    expect((await download(created.body.id, stranger).expect(404)).body.toString()).toContain('not_found');
    await upload(id, stranger, PNG, 'theirs.png').expect(404);
    await app.http.get(`/v1/appeals/${randomUUID()}/evidence`).set(owner).expect(404);
    await download('not-a-uuid', owner).expect(404);
    expect(await rowsFor(id)).toHaveLength(1);
  });

  it('keeps internal evidence from the appellant; only staff may mark evidence internal', async () => {
    const { id, owner } = await appeal();
    await upload(id, owner, PNG, 'appellant.png').expect(201);
    const note = Buffer.from(`Detector output for this account ${randomUUID()}\n`);
    const internal = await upload(id, reviewer(), note, 'detector.txt', { internal: 'true' }).expect(201);
    expect(internal.body).toMatchObject({ internal: true, submittedBy: 'staff', submittedBySub: 'rev_1' });

    const appellantView = await app.http.get(`/v1/appeals/${id}/evidence`).set(owner).expect(200);
    expect(appellantView.body.data.map((e: { fileName: string }) => e.fileName)).toEqual(['appellant.png']);
    expect(appellantView.body.data[0]).not.toHaveProperty('submittedBySub');
    await download(internal.body.id, owner).expect(404);

    const staffView = await app.http
      .get(`/v1/appeals/${id}/evidence`)
      .set(app.bearer('adm_1', 'admin'))
      .expect(200);
    expect(staffView.body.data.map((e: { internal: boolean }) => e.internal)).toEqual([false, true]);
    expect((await download(internal.body.id, reviewer()).expect(200)).body).toEqual(note);

    const forbidden = await upload(id, owner, PNG, 'sneaky.png', { internal: 'false' }).expect(400);
    expect(forbidden.body.errors).toEqual([{ field: 'internal', message: expect.any(String) }]);
    const unknown = await upload(id, owner, PNG, 'extra.png', { isAdmin: 'true' }).expect(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['isAdmin']);
    await upload(id, app.bearer('adm_1', 'admin'), PNG, 'admin.png').expect(403);
    expect(await rowsFor(id)).toHaveLength(2);
  });

  it('reads the text fields sent after the file: a reviewer’s internal upload stays hidden', async () => {
    const { id, owner } = await appeal();
    const note = Buffer.from(`Detector output, sent before its fields ${randomUUID()}\n`);
    const internal = await upload(id, reviewer(), note, 'detector.txt')
      .field('internal', 'true')
      .field('description', '  sent after the file  ')
      .expect(201);
    expect(internal.body).toMatchObject({ internal: true, description: 'sent after the file' });
    const [row] = await app.query<{ internal: boolean; description: string }>(
      'SELECT internal, description FROM evidence WHERE id = $1',
      [internal.body.id],
    );
    expect(row).toEqual({ internal: true, description: 'sent after the file' });

    const appellantView = await app.http.get(`/v1/appeals/${id}/evidence`).set(owner).expect(200);
    expect(appellantView.body.data).toEqual([]);
    await download(internal.body.id, owner).expect(404);
    expect((await download(internal.body.id, reviewer()).expect(200)).body).toEqual(note);

    // the rule on who may set internal holds wherever the field comes
    const forbidden = await upload(id, owner, PNG, 'sneaky.png').field('internal', 'false').expect(400);
    expect(forbidden.body.errors).toEqual([{ field: 'internal', message: expect.any(String) }]);
    expect(await rowsFor(id)).toHaveLength(1);
  });

  it('refuses a second file, a file in another part, a repeated or unknown field (400), storing nothing', async () => {
    const { id, owner } = await appeal();
    const before = await storedFiles();
    // content no other test sends, so that storing it would show as a new file
    const unique = Buffer.from(`never to be stored ${randomUUID()}\n`);
    const refusals = [
      { field: 'file', send: () => upload(id, owner, unique, 'one.txt').attach('file', PDF, 'two.pdf') },
      {
        field: 'attachment',
        send: () => upload(id, owner, unique, 'one.txt').attach('attachment', PDF, 'x.pdf'),
      },
      {
        field: 'attachment',
        send: () =>
          app.http
            .post(`/v1/appeals/${id}/evidence`)
            .set(owner)
            .attach('attachment', PDF, 'x.pdf')
            .attach('file', unique, 'one.txt'),
      },
      {
        field: 'description',
        send: () => upload(id, owner, unique, 'one.txt', { description: 'a' }).field('description', 'b'),
      },
      { field: 'isAdmin', send: () => upload(id, owner, unique, 'one.txt', { isAdmin: 'true' }) },
      { field: 'isAdmin', send: () => upload(id, reviewer(), unique, 'one.txt').field('isAdmin', 'true') },
    ];
    for (const { field, send } of refusals) {
      const refused = await send().expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('validation_failed');
      expect(refused.body.errors).toEqual([{ field, message: expect.any(String) }]);
    }
    expect(await rowsFor(id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses uploads to a decided or withdrawn appeal (409 invalid_transition)', async () => {
    for (const status of ['decided', 'withdrawn'] as const) {
      const { id, owner } = await appeal(status);
      const refused = await upload(id, owner, PNG, 'late.png').expect(409);
      expect(refused.body).toMatchObject({ code: 'invalid_transition' });
      expect(refused.body.detail).toContain(status);
      expect(await rowsFor(id)).toEqual([]);
      await app.http.get(`/v1/appeals/${id}/evidence`).set(owner).expect(200);
    }
  });

  it('does not serve a file whose stored bytes no longer match their hash (500)', async () => {
    const { id, owner } = await appeal();
    const original = Buffer.from(`Bank statement, account ending 4242 ${randomUUID()}\n`);
    const created = await upload(id, owner, original, 'statement.txt').expect(201);
    const tampered = Buffer.from(original.toString().replace('4242', '9999'));
    await writeFile(blobPath(created.body.sha256), tampered);

    const failed = await download(created.body.id, owner).expect(500);
    expect(failed.headers['content-type']).toContain('application/problem+json');
    const problem = JSON.parse((failed.body as Buffer).toString());
    expect(problem).toMatchObject({ code: 'internal_error', status: 500 });
    expect(problem.detail).toContain('integrity');
    expect(JSON.stringify(problem)).not.toContain('9999');
    expect(JSON.stringify(problem)).not.toContain(evidenceDir);

    await rm(blobPath(created.body.sha256));
    await download(created.body.id, owner).expect(500);
  });

  it('replays an upload sent again with the same Idempotency-Key', async () => {
    const { id, owner } = await appeal();
    const key = randomUUID();
    const first = await upload(id, owner, PNG, 'once.png').set('Idempotency-Key', key).expect(201);
    const again = await upload(id, owner, PNG, 'once.png').set('Idempotency-Key', key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    // the key covers the text fields (they are parsed before the key is checked)
    const reused = await upload(id, owner, PNG, 'once.png', { description: 'changed' })
      .set('Idempotency-Key', key)
      .expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    // ...wherever they come: a field after the file is read before the key is checked too
    const after = await upload(id, owner, PNG, 'once.png')
      .field('description', 'changed')
      .set('Idempotency-Key', key)
      .expect(422);
    expect(after.body.code).toBe('idempotency_key_reused');
    expect(await rowsFor(id)).toHaveLength(1);
  });

  it('answers 400 for a request without a file, an empty file or a truncated body', async () => {
    const { id, owner } = await appeal();
    const missing = await app.http
      .post(`/v1/appeals/${id}/evidence`)
      .set(owner)
      .field('description', 'forgot the file')
      .expect(400);
    expect(missing.body.errors).toEqual([{ field: 'file', message: 'is required' }]);
    const empty = await upload(id, owner, Buffer.alloc(0), 'empty.txt').expect(400);
    expect(empty.body.code).toBe('validation_failed');
    const truncated = await app.http
      .post(`/v1/appeals/${id}/evidence`)
      .set(owner)
      .set('Content-Type', 'multipart/form-data; boundary=XX')
      .send('--XX\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\n\r\nthe body ends he')
      .expect(400);
    expect(truncated.body.errors).toEqual([{ field: 'file', message: 'is incomplete' }]);
    const cutAfterFile = await app.http
      .post(`/v1/appeals/${id}/evidence`)
      .set(owner)
      .set('Content-Type', 'multipart/form-data; boundary=XX')
      .send(
        '--XX\r\nContent-Disposition: form-data; name="file"; filename="whole.txt"\r\n\r\nall of it\r\n' +
          '--XX\r\nContent-Disposition: form-data; name="internal"\r\n\r\ntr',
      )
      .expect(400);
    expect(cutAfterFile.body.code).toBe('validation_failed');
    expect(await readdir(join(evidenceDir, 'tmp'))).toEqual([]);
    expect(await rowsFor(id)).toEqual([]);
  });
});

describe('Evidence uploads are rate limited like other appellant writes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start('evidence_rate', {
      worker: false,
      env: { RATE_LIMIT_PER_MINUTE: '3', EVIDENCE_DIR: await mkdtemp(join(tmpdir(), 'redress-evidence-')) },
    });
  });
  afterAll(async () => {
    await rm(app.env.EVIDENCE_DIR, { recursive: true, force: true });
    await app.close();
  });

  it('answers 429 with Retry-After once an appellant exceeds the limit, storing nothing for the refused one', async () => {
    const { appealId, owner } = await suspendAndAppeal(app); // filing spends one of the three writes
    const send = (as: Headers) =>
      app.http.post(`/v1/appeals/${appealId}/evidence`).set(as).attach('file', PNG, 'receipt.png');
    await send(owner).expect(201);
    await send(owner).expect(201);
    const limited = await send(owner).expect(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await send(app.bearer(...REVIEWER)).expect(201); // staff are not limited here
    const rows = await app.query<{ submitted_by: string }>(
      'SELECT submitted_by FROM evidence WHERE appeal_id = $1 ORDER BY position',
      [appealId],
    );
    expect(rows.map((r) => r.submitted_by)).toEqual(['appellant', 'appellant', 'staff']);
  });
});
