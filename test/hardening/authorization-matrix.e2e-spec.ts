import { ROLES, type Role } from '@redress/kernel';
import { eventually, suspendAndAppeal, TestApp, type Filed } from '@redress/testing';
import { rejectedCredentials } from '@redress/testing/hostile-tokens';
import {
  fetchOpenApi,
  fillPath,
  listRoutes,
  requestContentTypes,
  type Route,
} from '@redress/testing/openapi';
import { randomUUID } from 'node:crypto';
import { ROUTE_ACCESS, UNDOCUMENTED_ROUTE_ACCESS, type Access } from './authorization-matrix.table';

type Expected = 401 | 403 | 'allowed';
type Outcome = { route: string; who: string; expected: Expected; status: number };

const TABLE: Record<string, Access> = { ...ROUTE_ACCESS, ...UNDOCUMENTED_ROUTE_ACCESS };

/** An allowed caller may still get 400/404/409/…: only 401 and 403 mean "not let in". */
const classify = (status: number): Expected => (status === 401 ? 401 : status === 403 ? 403 : 'allowed');

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

  /** One request to the route as the given Authorization; ids are random UUIDs that name nothing. */
  async function call(key: string, authorization: string | undefined): Promise<number> {
    const [method, template] = key.split(' ') as [string, string];
    const request = app.http[method.toLowerCase() as 'get' | 'post'](fillPath(template, randomUUID()));
    if (authorization !== undefined) request.set('Authorization', authorization);
    const route = documented.find((r) => r.key === key);
    if (route && requestContentTypes(route).includes('application/json')) request.send({});
    const res = await request;
    if (res.status === 401 || res.status === 403) {
      // a refusal is a problem document like every other error
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toMatch(res.status === 401 ? /^unauthenticated$/ : /^forbidden$/);
    }
    return res.status;
  }

  async function check(key: string, who: string, authorization: string | undefined, expected: Expected) {
    const status = await call(key, authorization);
    return { route: key, who, expected, status } satisfies Outcome;
  }

  const mismatches = (outcomes: Outcome[]) => outcomes.filter((o) => classify(o.status) !== o.expected);

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

  it.each([...ROLES])('lets %s call exactly the routes the table gives it (others: 403)', async (role) => {
    const token = `Bearer ${app.token(`matrix_${role}`, role as Role)}`;
    const outcomes: Outcome[] = [];
    for (const [key, access] of Object.entries(TABLE)) {
      const expected: Expected = access === 'public' || access.includes(role as Role) ? 'allowed' : 403;
      outcomes.push(await check(key, role, token, expected));
    }
    expect(mismatches(outcomes)).toEqual([]);
    // the matrix must be able to fail both ways: this role is let in somewhere and kept out somewhere
    expect(outcomes.some((o) => o.expected === 'allowed')).toBe(true);
    expect(outcomes.some((o) => o.expected === 403)).toBe(true);
  });

  it('refuses a valid token carrying no known role (403) on every protected route', async () => {
    const token = `Bearer ${app.token('matrix_nobody')}`;
    const outcomes: Outcome[] = [];
    for (const [key, access] of Object.entries(TABLE)) {
      outcomes.push(await check(key, 'no role', token, access === 'public' ? 'allowed' : 403));
    }
    expect(mismatches(outcomes)).toEqual([]);
  });

  it.each(Object.keys(rejectedCredentials()))(
    'refuses %s with 401 on every protected route; public routes still answer',
    async (kind) => {
      const authorization = rejectedCredentials()[kind];
      const outcomes: Outcome[] = [];
      for (const [key, access] of Object.entries(TABLE)) {
        outcomes.push(await check(key, kind, authorization, access === 'public' ? 'allowed' : 401));
      }
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
