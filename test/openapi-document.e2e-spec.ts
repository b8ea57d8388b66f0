import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { eventually, STATEMENT, suspensionRequest, TestApp } from '@redress/testing';
import {
  fetchOpenApi,
  listRoutes,
  routeKey,
  type OpenApiDocument,
  type Route,
} from '@redress/testing/openapi';
import { OpenApiResponseValidator } from '@redress/testing/openapi-response-validator';
import { generateOpenApiDocument } from '../apps/api/docs/generate-openapi';
import { OPENAPI_PATH, REGENERATE_OPENAPI } from '../apps/api/docs/openapi-document';

const committed = (): OpenApiDocument =>
  JSON.parse(readFileSync(join(__dirname, '..', OPENAPI_PATH), 'utf8')) as OpenApiDocument;

const outOfDate = `${OPENAPI_PATH} is out of date with the controllers. Regenerate it with:\n  ${REGENERATE_OPENAPI}`;

describe('The OpenAPI document', () => {
  let app: TestApp;
  let served: OpenApiDocument;
  beforeAll(async () => {
    app = await TestApp.start('openapi_document', { env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    served = await fetchOpenApi(app.http);
  });
  afterAll(() => app.close());

  it(`served at /docs-json is the one committed at ${OPENAPI_PATH}`, () => {
    if (JSON.stringify(served) !== JSON.stringify(committed())) throw new Error(outOfDate);
  });

  it('is the same in development, where the sign-in route exists but is left out', async () => {
    const development = await generateOpenApiDocument({ NODE_ENV: 'development', AUTH_JWT_SECRET: '' });
    expect(development.paths['/v1/dev/token']).toBeUndefined();
    if (JSON.stringify(development) !== JSON.stringify(served)) throw new Error(outOfDate);
  });

  it('describes every answer of the walkthrough, which a strict Ajv 2020 validator with discriminators accepts', async () => {
    const routes = new Map(listRoutes(served).map((r) => [r.key, r]));
    const validator = new OpenApiResponseValidator(served);
    const failures: string[] = [];
    let checked = 0;
    /** Checks the answer against the document's schema for its route, status and media type. */
    const check = (method: string, template: string, res: Response): Response => {
      const route: Route | undefined = routes.get(routeKey(method, template));
      if (!route) throw new Error(`${routeKey(method, template)} is not in the document`);
      const media = String(res.headers['content-type']).split(';')[0];
      const failure = validator.check(route, res.status, res.body, media);
      if (failure) failures.push(failure);
      for (const name of Object.keys(route.operation.responses[String(res.status)]?.headers ?? {}))
        if (
          ['X-Request-Id', 'Location', 'ETag'].includes(name) &&
          res.headers[name.toLowerCase()] === undefined
        )
          failures.push(`${route.key} ${res.status}: no ${name} header`);
      checked += 1;
      return res;
    };

    const enforcement = app.bearer('enforcer_1', 'enforcement');
    const reviewer = app.bearer('rev_1', 'reviewer');
    const finance = app.bearer('fin_1', 'finance');
    const admin = app.bearer('admin_1', 'admin');
    const body = suspensionRequest({ frozenBalance: { amountMinor: 12500, currency: 'USD' } });
    const owner = app.bearer(body.accountId as string, 'appellant');

    const suspension = check(
      'post',
      '/v1/suspensions',
      await app.http.post('/v1/suspensions').set(enforcement).set('Idempotency-Key', 'walk-1').send(body),
    );
    expect(suspension.status).toBe(201);
    const s = suspension.body.id as string;
    const staffView = check(
      'get',
      '/v1/suspensions/{id}',
      await app.http.get(`/v1/suspensions/${s}`).set(admin),
    );
    const publicView = check(
      'get',
      '/v1/suspensions/{id}',
      await app.http.get(`/v1/suspensions/${s}`).set(owner),
    );
    expect([staffView.body.view, publicView.body.view]).toEqual(['staff', 'public']);
    check('get', '/v1/me/suspensions', await app.http.get('/v1/me/suspensions').set(owner));

    const appeal = check(
      'post',
      '/v1/appeals',
      await app.http
        .post('/v1/appeals')
        .set(owner)
        .send({ suspensionId: s, statement: STATEMENT, requestedRemedy: 'reinstate_or_refund' }),
    );
    expect(appeal.status).toBe(201);
    const a = appeal.body.id as string;
    const again = check(
      'post',
      '/v1/appeals',
      await app.http
        .post('/v1/appeals')
        .set(owner)
        .send({ suspensionId: s, statement: STATEMENT, requestedRemedy: 'reinstate_or_refund' }),
    );
    expect(again.body.code).toBe('appeal_already_exists');
    check('get', '/v1/appeals/{id}', await app.http.get(`/v1/appeals/${a}`).set(owner));

    const evidence = check(
      'post',
      '/v1/appeals/{id}/evidence',
      await app.http
        .post(`/v1/appeals/${a}/evidence`)
        .set(owner)
        .attach('file', Buffer.from('0 2 * * * run-evals --suite nightly\n'), 'schedule.txt')
        .field('description', 'cron schedule'),
    );
    expect(evidence.status).toBe(201);
    check('get', '/v1/appeals/{id}/evidence', await app.http.get(`/v1/appeals/${a}/evidence`).set(owner));
    check('get', '/v1/appeals/{id}/evidence', await app.http.get(`/v1/appeals/${a}/evidence`).set(reviewer));

    expect(
      check('post', '/v1/review/next', await app.http.post('/v1/review/next').set(reviewer)).status,
    ).toBe(200);
    check('get', '/v1/appeals/{id}', await app.http.get(`/v1/appeals/${a}`).set(reviewer));
    check(
      'post',
      '/v1/appeals/{id}/request-info',
      await app.http
        .post(`/v1/appeals/${a}/request-info`)
        .set(reviewer)
        .send({ message: 'Which client made these calls?', dueInDays: 7 }),
    );
    check(
      'post',
      '/v1/appeals/{id}/messages',
      await app.http.post(`/v1/appeals/${a}/messages`).set(owner).send({ body: 'Our CI runner, nightly.' }),
    );
    check('get', '/v1/appeals/{id}/messages', await app.http.get(`/v1/appeals/${a}/messages`).set(reviewer));
    const stale = check(
      'post',
      '/v1/appeals/{id}/decision',
      await app.http.post(`/v1/appeals/${a}/decision`).set(reviewer).set('If-Match', '"1"').send({
        outcome: 'upheld',
        rationale: 'Sent against a version that has moved on.',
      }),
    );
    expect(stale.body.code).toBe('version_mismatch');
    const decided = check(
      'post',
      '/v1/appeals/{id}/decision',
      await app.http
        .post(`/v1/appeals/${a}/decision`)
        .set(reviewer)
        .send({
          outcome: 'overturned',
          rationale: 'The traffic matches the documented evaluation suite.',
          refund: { amountMinor: 5000 },
        }),
    );
    expect(decided.status).toBe(200);

    const proposed = check(
      'get',
      '/v1/refunds',
      await app.http.get('/v1/refunds?status=proposed').set(finance),
    );
    const r = (proposed.body.data as { id: string; suspensionId: string }[]).find(
      (x) => x.suspensionId === s,
    )!.id;
    check('get', '/v1/refunds/{id}', await app.http.get(`/v1/refunds/${r}`).set(owner));
    const approved = check(
      'post',
      '/v1/refunds/{id}/approve',
      await app.http.post(`/v1/refunds/${r}/approve`).set(finance),
    );
    expect(approved.status).toBe(200);
    await eventually(
      async () => (await app.http.get(`/v1/refunds/${r}`).set(finance)).body.status === 'processing',
    );
    const paid = check(
      'post',
      '/v1/refunds/{id}/mark-paid',
      await app.http.post(`/v1/refunds/${r}/mark-paid`).set(finance).send({ providerRef: 'bank-tx-778' }),
    );
    expect(paid.body.status).toBe('paid');
    check('get', '/v1/refunds/{id}', await app.http.get(`/v1/refunds/${r}`).set(finance));
    check('get', '/v1/me/refunds', await app.http.get('/v1/me/refunds').set(owner));
    check('get', '/v1/ledger', await app.http.get(`/v1/ledger?accountId=${body.accountId}`).set(finance));
    check('get', '/v1/me/notifications', await app.http.get('/v1/me/notifications').set(owner));
    check('get', '/v1/audit/verify', await app.http.get('/v1/audit/verify').set(admin));
    check(
      'get',
      '/v1/suspensions/{id}',
      await app.http.get(`/v1/suspensions/${s}`).set(app.bearer('acct_other', 'appellant')),
    );

    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(25);
  });
});
