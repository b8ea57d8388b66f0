import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LocalEvidenceStorage, S3EvidenceStorage, type EvidenceStorage } from '@redress/evidence';
import { suspendAndAppeal, TestApp } from '@redress/testing';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Readable } from 'node:stream';

interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
// s3rver (an in-process S3-compatible server) ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverServer;

const BUCKET = 'redress-evidence';
// s3rver's built-in credentials; the SDK's default chain reads them from the environment.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const keyOf = (hash: string) => `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let scratch: string;
let s3server: S3rverServer;
let endpoint: string;
let s3: S3Client;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'redress-evidence-storage-'));
  s3server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(scratch, 's3') });
  endpoint = `http://127.0.0.1:${(await s3server.run()).port}`;
  s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED', // s3rver does not understand aws-chunked trailers
  });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  s3.destroy();
  await s3server.close();
  await rm(scratch, { recursive: true, force: true });
});

/** Each backend under test, with a way to list what it really holds. */
const backends: [string, () => Promise<{ storage: EvidenceStorage; keys: () => Promise<string[]> }>][] = [
  [
    'LocalEvidenceStorage',
    async () => {
      const root = await mkdtemp(join(scratch, 'local-'));
      const keys = async () =>
        (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => relative(root, join(e.parentPath, e.name)));
      return { storage: new LocalEvidenceStorage(root), keys };
    },
  ],
  [
    'S3EvidenceStorage',
    async () => {
      const prefix = randomBytes(4).toString('hex');
      const bucket = `${BUCKET}-${prefix}`;
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      const keys = async () =>
        ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!);
      const storage = S3EvidenceStorage.create({ bucket, region: 'us-east-1', endpoint });
      return { storage, keys };
    },
  ],
];

describe.each(backends)('%s: the evidence storage contract', (_name, setUp) => {
  let storage: EvidenceStorage;
  let keys: () => Promise<string[]>;
  let sourceDir: string;

  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.secretAccessKey;
    ({ storage, keys } = await setUp());
    sourceDir = await mkdtemp(join(scratch, 'source-'));
  });

  async function sourceFile(bytes: Buffer): Promise<string> {
    const path = join(sourceDir, randomBytes(8).toString('hex'));
    await writeFile(path, bytes);
    return path;
  }

  it('stores content under ab/cd/<sha256> and gives back the same bytes', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const hash = sha256(bytes);
    const source = await sourceFile(bytes);
    expect(await storage.exists(hash)).toBe(false);
    await storage.put(hash, source, bytes.length);
    expect(await storage.exists(hash)).toBe(true);
    const back = await readAll((await storage.get(hash))!);
    expect(back.length).toBe(bytes.length);
    expect(back.equals(bytes)).toBe(true); // not toEqual: element-wise diffing of megabytes is slow
    expect(await keys()).toEqual([keyOf(hash)]);
    expect(existsSync(source)).toBe(true); // the caller owns (and removes) its temporary file
  });

  it('stores identical content once', async () => {
    const bytes = Buffer.from(`the same usage log ${randomBytes(8).toString('hex')}`);
    const hash = sha256(bytes);
    const before = await keys();
    await storage.put(hash, await sourceFile(bytes), bytes.length);
    await storage.put(hash, await sourceFile(bytes), bytes.length);
    expect((await keys()).filter((k) => !before.includes(k))).toEqual([keyOf(hash)]);
    expect(await readAll((await storage.get(hash))!)).toEqual(bytes);
  });

  it('answers null / false for content it does not hold, and deletes idempotently', async () => {
    const bytes = randomBytes(64);
    const hash = sha256(bytes);
    expect(await storage.get(hash)).toBeNull();
    await storage.put(hash, await sourceFile(bytes), bytes.length);
    await storage.delete(hash);
    expect(await storage.exists(hash)).toBe(false);
    expect(await storage.get(hash)).toBeNull();
    await storage.delete(hash);
  });

  it('refuses keys that are not a SHA-256 digest', async () => {
    for (const bad of ['../../etc/passwd', 'A'.repeat(64), 'ab/cd', '']) {
      await expect(storage.get(bad)).rejects.toThrow('not a SHA-256');
      await expect(storage.exists(bad)).rejects.toThrow('not a SHA-256');
    }
  });
});

describe('The API with evidence in an S3-compatible bucket', () => {
  let app: TestApp;

  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.secretAccessKey;
    app = await TestApp.start('evidence_s3', {
      worker: false,
      env: {
        EVIDENCE_S3_BUCKET: BUCKET,
        EVIDENCE_S3_ENDPOINT: endpoint,
        EVIDENCE_DIR: await mkdtemp(join(scratch, 'api-')),
      },
    });
  });
  afterAll(() => app.close());

  it('uploads to the bucket, downloads verified bytes, and refuses to serve a tampered object', async () => {
    const { appealId, owner } = await suspendAndAppeal(app);
    const bytes = Buffer.from(`Invoice #${randomBytes(6).toString('hex')}: prepaid balance 125.00 USD\n`);
    const created = await app.http
      .post(`/v1/appeals/${appealId}/evidence`)
      .set(owner)
      .attach('file', bytes, { filename: 'invoice.txt', contentType: 'application/pdf' })
      .expect(201);
    expect(created.body).toMatchObject({ contentType: 'text/plain', sha256: sha256(bytes) });

    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(listed.Contents?.map((o) => o.Key)).toContain(keyOf(sha256(bytes)));

    const got = await app.http.get(`/v1/evidence/${created.body.id}/content`).set(owner).expect(200);
    expect(got.text).toBe(bytes.toString());
    expect(got.headers['x-content-type-options']).toBe('nosniff');

    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: keyOf(sha256(bytes)), Body: Buffer.from('tampered') }),
    );
    const refused = await app.http.get(`/v1/evidence/${created.body.id}/content`).set(owner).expect(500);
    expect(refused.body.code).toBe('internal_error');
    expect(refused.text).not.toContain('tampered');
  });
});
