import { eventually, suspendAndAppeal, TestApp, type Filed } from '@redress/testing';
import { rejectedCredentials } from '@redress/testing/hostile-tokens';
import { fetchOpenApi, listRoutes, type Route } from '@redress/testing/openapi';
import { randomUUID } from 'node:crypto';
import { itChecksEveryRole, mismatches, walkRoutes } from './authorization-matrix';
import { ROUTE_ACCESS } from './authorization-matrix.table';

describe('Authorisation matrix: every route × every role and every kind of bad token', () => {
  let app: TestApp;
  let documented: Route[];

  beforeAll(async () => {
    // a generous rate limit: the matrix calls each appellant write once per principal, not a flood
    app = await TestApp.start('hardening_authz', {
      worker: false,
      env: { RATE_LIMIT_PER_MINUTE: '10000' },
    });
    documented = listRoutes(await fetchOpenApi(app.http));
  });
  afterAll(() => app.close());

  it('has an entry for every route of the OpenAPI document, and no entry for a route that is gone', () => {
    const inDocument = documented.map((r) => r.key).sort();
    expect(inDocument.length).toBeGreaterThan(40);
    expect({ missingFromTable: inDocument.filter((k) => !(k in ROUTE_ACCESS)) }).toEqual({
      missingFromTable: [],
    });
    expect({ notInDocument: Object.keys(ROUTE_ACCESS).filter((k) => !inDocument.includes(k)) }).toEqual({
      notInDocument: [],
    });
  });

  itChecksEveryRole(
    () => ({ app, documented }),
    async (sub, role) => app.token(sub, ...(role ? [role] : [])),
  );

  it.each(Object.keys(rejectedCredentials()))(
    'refuses %s with 401 on every protected route; public routes still answer',
    async (kind) => {
      const authorization = rejectedCredentials()[kind];
      const outcomes = await walkRoutes({ app, documented }, kind, authorization, (access) =>
        access === 'public' ? 'allowed' : 401,
      );
      expect(mismatches(outcomes)).toEqual([]);
    },
  );
});

describe('Object-level authorisation: appellant B never reaches appellant A’s objects (404)', () => {
  let app: TestApp;
  let a: Filed;
  let b: Filed;
  let evidenceId: string;
  let refundId: string;

  beforeAll(async () => {
    app = await TestApp.start('hardening_tenancy', { env: { RATE_LIMIT_PER_MINUTE: '10000' } });
    a = await suspendAndAppeal(app);
    b = await suspendAndAppeal(app);
    await app.http
      .post(`/v1/appeals/${a.appealId}/messages`)
      .set(a.owner)
      .send({ body: 'Here is the invoice for the balance.' })
      .expect(201);
    const uploaded = await app.http
      .post(`/v1/appeals/${a.appealId}/evidence`)
      .set(a.owner)
      .attach('file', Buffer.from('invoice 2026-001, 125.00 USD prepaid\n'), 'invoice.txt')
      .expect(201);
    evidenceId = uploaded.body.id;
    const refund = await app.http
      .post('/v1/refunds')
      .set(app.bearer('rev_1', 'reviewer'))
      .send({ suspensionId: a.suspensionId, amountMinor: 500, reason: 'Prepaid credit goes back' })
      .expect(201);
    refundId = refund.body.id;
    // A's inbox has the suspension notice and the appeal receipt once the worker has run
    await eventually(async () => {
      const inbox = await app.http.get('/v1/me/notifications').set(a.owner);
      return inbox.body.data?.length >= 2;
    });
  });
  afterAll(() => app.close());

  /** What A may open, and what B must not see exist. */
  const objectsOfA = () => [
    { what: 'suspension', method: 'get', path: `/v1/suspensions/${a.suspensionId}` },
    { what: 'appeal', method: 'get', path: `/v1/appeals/${a.appealId}` },
    { what: 'messages', method: 'get', path: `/v1/appeals/${a.appealId}/messages` },
    { what: 'evidence list', method: 'get', path: `/v1/appeals/${a.appealId}/evidence` },
    { what: 'evidence content', method: 'get', path: `/v1/evidence/${evidenceId}/content` },
    { what: 'refund', method: 'get', path: `/v1/refunds/${refundId}` },
  ];

  it('answers 404 not_found to B on every object of A that A itself can read', async () => {
    for (const { what, path } of objectsOfA()) {
      const own = await app.http.get(path).set(a.owner);
      expect({ what, status: own.status }).toEqual({ what, status: 200 });
      const other = await app.http.get(path).set(b.owner);
      expect({ what, status: other.status, code: other.body.code }).toEqual({
        what,
        status: 404,
        code: 'not_found',
      });
      // the same answer as for an id that names nothing: existence is not revealed
      const nothing = await app.http.get(path.replace(/[0-9a-f-]{36}/, randomUUID())).set(b.owner);
      expect(nothing.status).toBe(404);
    }
  });

  it('answers 404 to B writing to A’s objects, and changes nothing', async () => {
    const writes: [string, Promise<{ status: number; body: { code?: string } }>][] = [
      [
        'file an appeal',
        app.http.post('/v1/appeals').set(b.owner).send({
          suspensionId: a.suspensionId,
          statement: 'This is not my suspension but I would like to appeal it anyway.',
          requestedRemedy: 'reinstate',
        }),
      ],
      ['withdraw', app.http.post(`/v1/appeals/${a.appealId}/withdraw`).set(b.owner)],
      [
        'post a message',
        app.http.post(`/v1/appeals/${a.appealId}/messages`).set(b.owner).send({ body: 'hello from B' }),
      ],
      [
        'upload evidence',
        app.http
          .post(`/v1/appeals/${a.appealId}/evidence`)
          .set(b.owner)
          .attach('file', Buffer.from('not yours\n'), 'b.txt'),
      ],
    ];
    for (const [what, pending] of writes) {
      const res = await pending;
      expect({ what, status: res.status, code: res.body.code }).toEqual({
        what,
        status: 404,
        code: 'not_found',
      });
    }
    const appeal = await app.http.get(`/v1/appeals/${a.appealId}`).set(a.owner).expect(200);
    expect(appeal.body.status).toBe('submitted');
    const messages = await app.http.get(`/v1/appeals/${a.appealId}/messages`).set(a.owner).expect(200);
    expect(JSON.stringify(messages.body)).not.toContain('hello from B');
    const evidence = await app.http.get(`/v1/appeals/${a.appealId}/evidence`).set(a.owner).expect(200);
    expect(evidence.body.data).toHaveLength(1);
  });

  it('never lists A’s objects or notifications in B’s own lists and export', async () => {
    const idsOfA = [a.suspensionId, a.appealId, evidenceId, refundId, a.accountId];
    const lists = ['/v1/me/suspensions', '/v1/me/appeals', '/v1/me/refunds', '/v1/me/notifications'];
    for (const path of [...lists, '/v1/me/export']) {
      const mine = await app.http.get(path).set(b.owner).expect(200);
      const text = JSON.stringify(mine.body);
      for (const id of idsOfA) expect({ path, leaks: text.includes(id) }).toEqual({ path, leaks: false });
    }
    // and B's lists are not empty, so the check above looked at real data
    const inbox = await app.http.get('/v1/me/notifications').set(b.owner).expect(200);
    expect(inbox.body.data.length).toBeGreaterThan(0);
    const aInbox = await app.http.get('/v1/me/notifications').set(a.owner).expect(200);
    expect(JSON.stringify(aInbox.body)).toContain(a.appealId);
  });
});
