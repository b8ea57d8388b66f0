import type { Role } from '@redress/kernel';
import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import {
  contentType,
  fromSchema,
  HOSTILE_JSON_TEXTS,
  hostileHeaders,
  hostileJson,
  hostileString,
  idValue,
  queryString,
  type FuzzContext,
} from '@redress/testing/fuzz-arbitraries';
import { fetchOpenApi, fillPath, listRoutes, queryParameters, type Route } from '@redress/testing/openapi';
import { OpenApiResponseValidator } from '@redress/testing/openapi-response-validator';
import { findLeak } from '@redress/testing/response-leaks';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { ROUTE_ACCESS } from './authorization-matrix.table';

/** Requests per route; `FUZZ_RUNS=500` for a long local hunt, `FUZZ_SEED` to replay a failure. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const OWNER = 'acct_fuzz_owner';

type Body =
  | { kind: 'none' }
  | { kind: 'json'; text: string; contentType: string }
  | {
      kind: 'multipart';
      fields: [string, string][];
      file?: { bytes: Uint8Array; name: string };
      fieldsAfterFile: [string, string][];
    };

interface FuzzRequest {
  sub: string;
  roles: Role[];
  id: string;
  rawPath: boolean;
  query: string;
  headers: Record<string, string>;
  body: Body;
}

describe('Fuzzing: generated requests to every route never break the API', () => {
  let app: TestApp;
  let evidenceDir: string;
  let routes: Route[];
  let ctx: FuzzContext;
  let validator: OpenApiResponseValidator;

  beforeAll(async () => {
    evidenceDir = await mkdtemp(join(tmpdir(), 'redress-fuzz-evidence-'));
    app = await TestApp.start('hardening_fuzz', {
      env: {
        LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent',
        RATE_LIMIT_PER_MINUTE: '100000',
        EVIDENCE_DIR: evidenceDir,
        EVIDENCE_MAX_BYTES: '65536',
      },
    });
    const doc = await fetchOpenApi(app.http);
    routes = listRoutes(doc);
    validator = new OpenApiResponseValidator(doc);
    ctx = { doc, knownIds: await seed() };
  });
  afterAll(async () => {
    await app.close();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  /** One of everything, owned by OWNER, so generated ids reach real rows and real use-cases. */
  async function seed(): Promise<string[]> {
    const enforcer = app.bearer('fuzz_enforcer', 'enforcement');
    const wave = await app.http
      .post('/v1/waves')
      .set(enforcer)
      .send({ name: 'fuzz wave', detector: 'distill-v3', description: 'seeded for fuzzing' })
      .expect(201);
    const suspensions = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await app.http
        .post('/v1/suspensions')
        .set(enforcer)
        .send(suspensionRequest({ accountId: OWNER, waveId: wave.body.id }))
        .expect(201);
      suspensions.push(res.body.id as string);
    }
    const owner = app.bearer(OWNER, 'appellant');
    const appeals: string[] = [];
    for (const suspensionId of suspensions) {
      const appeal = await app.http
        .post('/v1/appeals')
        .set(owner)
        .send({
          suspensionId,
          statement: 'The flagged traffic was our own evaluation suite, run every night.',
          requestedRemedy: 'reinstate_or_refund',
        })
        .expect(201);
      appeals.push(appeal.body.id as string);
    }
    await app.http
      .post(`/v1/appeals/${appeals[0]}/messages`)
      .set(owner)
      .send({ body: 'Logs attached.' })
      .expect(201);
    const evidence = await app.http
      .post(`/v1/appeals/${appeals[0]}/evidence`)
      .set(owner)
      .attach('file', Buffer.from('date,requests\n2026-01-01,12\n'), 'usage.csv')
      .expect(201);
    const refund = await app.http
      .post('/v1/refunds')
      .set(app.bearer('fuzz_reviewer', 'reviewer'))
      .send({ suspensionId: suspensions[1], amountMinor: 100, reason: 'seeded refund' })
      .expect(201);
    const notifications = await eventually(async () => {
      const rows = await app.query<{ id: string }>(`SELECT id FROM notifications LIMIT 5`);
      return rows.length ? rows.map((r) => r.id) : null;
    });
    // The worker only had to deliver the seeds' notices; the fuzzing needs the API alone. Stopped
    // first, so that the bulk decision stays queued and leaves the seeded appeals open.
    await app.stopWorker();
    const job = await app.http
      .post(`/v1/waves/${wave.body.id}/bulk-decision`)
      .set(app.bearer('fuzz_senior', 'senior_reviewer'))
      .send({
        outcome: 'upheld',
        rationale: 'Seeded bulk decision for the fuzzing suite.',
        includeUnappealed: false,
      })
      .expect(202);
    return [
      wave.body.id,
      ...suspensions,
      ...appeals,
      evidence.body.id,
      refund.body.id,
      job.body.jobId,
      ...notifications,
    ];
  }

  function requestArbitrary(route: Route): fc.Arbitrary<FuzzRequest> {
    const access = ROUTE_ACCESS[route.key];
    const allowed: Role[] = access === 'public' || !access ? ['admin'] : [...access];
    const principal = fc.constantFrom(...allowed).chain((role) =>
      fc.record({
        sub:
          role === 'appellant'
            ? fc.constantFrom(OWNER, OWNER, 'acct_fuzz_other')
            : fc.constant(`fuzz_${role}`),
        roles: fc.constant<Role[]>([role]),
      }),
    );
    return fc
      .record({
        principal,
        id: idValue(ctx),
        rawPath: fc.boolean(),
        query: queryString(queryParameters(route), ctx),
        headers: hostileHeaders(),
        body: bodyArbitrary(route),
      })
      .map(({ principal: p, ...rest }) => ({ ...p, ...rest }));
  }

  function bodyArbitrary(route: Route): fc.Arbitrary<Body> {
    const content = route.operation.requestBody?.content ?? {};
    if (content['multipart/form-data']) return multipartArbitrary();
    const schema = content['application/json']?.schema;
    const json = (value: fc.Arbitrary<unknown>) =>
      fc
        .tuple(value, contentType('application/json'))
        .map(([v, type]): Body => ({ kind: 'json', text: JSON.stringify(v) ?? 'null', contentType: type }));
    const rawJson = fc
      .tuple(fc.constantFrom(...HOSTILE_JSON_TEXTS), contentType('application/json'))
      .map(([text, type]): Body => ({ kind: 'json', text, contentType: type }));
    if (schema)
      return fc.oneof(
        { weight: 8, arbitrary: json(fromSchema(schema, ctx)) },
        { weight: 1, arbitrary: rawJson },
        { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
      );
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant<Body>({ kind: 'none' }) },
      { weight: 1, arbitrary: json(hostileJson()) },
      { weight: 1, arbitrary: rawJson },
    );
  }

  function multipartArbitrary(): fc.Arbitrary<Body> {
    const field = fc.tuple(
      fc.constantFrom('description', 'internal', 'file', '__proto__', 'x'),
      fc.oneof(
        hostileString().map((s) => s.slice(0, 3000)),
        fc.constantFrom('true', 'false', '1', 'yes'),
      ),
    );
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.string({ unit: 'binary', maxLength: 500 }).map((s) => new Uint8Array(Buffer.from(s))),
      fc.constant(new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))),
      fc.constant(new Uint8Array(70_000).fill(0x41)),
    );
    return fc.record({
      kind: fc.constant('multipart' as const),
      fields: fc.array(field, { maxLength: 3 }),
      file: fc.option(fc.record({ bytes, name: hostileString().map((s) => s.slice(0, 300) || 'f') }), {
        nil: undefined,
      }),
      fieldsAfterFile: fc.array(field, { maxLength: 1 }),
    });
  }

  async function send(route: Route, req: FuzzRequest): Promise<Response> {
    const path = fillPath(
      route.path,
      req.id,
      req.rawPath && /^[\x21-\x7e]*$/.test(req.id) && !/[?#]/.test(req.id),
    );
    const url = req.query ? `${path}?${req.query}` : path;
    const request = app.http[route.method](url);
    request.set(app.bearer(req.sub, ...req.roles));
    for (const [name, value] of Object.entries(req.headers)) request.set(name, value);
    const body = req.body;
    if (body.kind === 'json') request.set('Content-Type', body.contentType).send(body.text);
    if (body.kind === 'multipart') {
      for (const [name, value] of body.fields) request.field(name, value);
      if (body.file) request.attach('file', Buffer.from(body.file.bytes), body.file.name);
      for (const [name, value] of body.fieldsAfterFile) request.field(name, value);
    }
    // binary answers (evidence downloads) are read as bytes, not parsed
    request.buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    return request;
  }

  /** Everything wrong with one answer; empty when it is fine. */
  function inspect(route: Route, res: Response): string[] {
    const problems: string[] = [];
    const type = String(res.headers['content-type'] ?? '');
    const raw = res.body as Buffer;
    const text = raw.toString('utf8');
    const json = /json/.test(type) ? safeParse(text) : undefined;
    if (res.status >= 500) problems.push(`status ${res.status}: ${text.slice(0, 300)}`);
    if (!res.headers['x-request-id']) problems.push('no X-Request-Id');
    if (res.status >= 400) {
      if (!type.startsWith('application/problem+json')) problems.push(`error as ${type || 'no type'}`);
      const body = json as { code?: unknown; status?: unknown } | undefined;
      if (typeof body?.code !== 'string') problems.push('error without a code');
      if (body?.status !== res.status)
        problems.push(`problem status ${String(body?.status)} ≠ ${res.status}`);
    }
    const download = route.key === 'GET /v1/evidence/{id}/content' && res.status === 200;
    const leak = download ? undefined : findLeak(text, [evidenceDir]);
    if (leak) problems.push(`leak: ${leak}`);
    if (res.status >= 200 && res.status < 300 && type.startsWith('application/json')) {
      const mismatch = validator.check(route, res.status, json);
      if (mismatch) problems.push(`schema: ${mismatch}`);
    }
    return problems;
  }

  it.each(Object.keys(ROUTE_ACCESS))('%s', async (key) => {
    const route = routes.find((r) => r.key === key);
    // the authorisation matrix fails on its own when the table and the document disagree
    if (!route) return;
    let failure: string | undefined;
    const result = await fc.check(
      fc.asyncProperty(requestArbitrary(route), async (req) => {
        const problems = inspect(route, await send(route, req));
        if (problems.length && !failure) failure = `${problems.join('\n')}\nrequest: ${summarize(req)}`;
        return problems.length === 0;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (result.failed)
      throw new Error(`${key} (seed ${result.seed}):\n${failure ?? String(result.errorInstance)}`);
  });

  it('left no polluted prototype behind in the server process', () => {
    for (const key of ['polluted', 'isAdmin', 'roles']) expect(Object.prototype).not.toHaveProperty(key);
  });
});

/** A failing request, readable: long strings cut short. */
function summarize(req: FuzzRequest): string {
  return JSON.stringify(req, (_, v: unknown) =>
    typeof v === 'string' && v.length > 200
      ? `${v.slice(0, 200)}…(${v.length} chars)`
      : v instanceof Uint8Array
        ? `<${v.length} bytes>`
        : v,
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
