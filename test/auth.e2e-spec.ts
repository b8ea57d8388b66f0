import { TEST_JWT_SECRET, TestApp } from '@redress/testing';
import * as jwt from 'jsonwebtoken';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = { sub: 'acct_1', roles: ['appellant'], iss: 'redress', aud: 'redress-api' };

describe('Authentication and authorisation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start('auth', { worker: false });
  });
  afterAll(() => app.close());

  const expect401 = async (authorization: string | undefined, why: string) => {
    const req = app.http.get('/v1/me/suspensions');
    if (authorization !== undefined) req.set('Authorization', authorization);
    const res = await req;
    expect({ why, status: res.status, code: res.body.code }).toEqual({
      why,
      status: 401,
      code: 'unauthenticated',
    });
    expect(res.headers['content-type']).toContain('application/problem+json');
  };

  it('refuses a missing, malformed, expired, forged, unsigned or misaddressed token with 401', async () => {
    await expect401(undefined, 'no token');
    await expect401('Bearer not-a-jwt', 'malformed');
    await expect401(`Basic ${Buffer.from('a:b').toString('base64')}`, 'wrong scheme');
    await expect401(`Bearer ${jwt.sign({ ...claims, exp: now() - 60 }, TEST_JWT_SECRET)}`, 'expired');
    await expect401(
      `Bearer ${jwt.sign({ ...claims, exp: now() + 600 }, 'some-other-secret-0123456789')}`,
      'wrong signature',
    );
    await expect401(
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: now() + 600 })}.`,
      'alg none',
    );
    await expect401(
      `Bearer ${jwt.sign({ ...claims, aud: 'someone-else', exp: now() + 600 }, TEST_JWT_SECRET)}`,
      'wrong audience',
    );
    await expect401(
      `Bearer ${jwt.sign({ ...claims, iss: 'mallory', exp: now() + 600 }, TEST_JWT_SECRET)}`,
      'wrong issuer',
    );
    await expect401(`Bearer ${jwt.sign(claims, TEST_JWT_SECRET, { noTimestamp: true })}`, 'no exp');
    await expect401(
      `Bearer ${jwt.sign({ ...claims, exp: now() + 600 }, TEST_JWT_SECRET, { algorithm: 'HS512' })}`,
      'another algorithm',
    );
  });

  it('refuses tokens that live longer than AUTH_MAX_TOKEN_TTL_SECONDS (86400), counted from iat or from now', async () => {
    const sign = (extra: object) =>
      `Bearer ${jwt.sign({ ...claims, ...extra }, TEST_JWT_SECRET, { noTimestamp: true })}`;
    await expect401(sign({ exp: 1e300 }), 'exp 1e300');
    await expect401(sign({ exp: Date.UTC(9999, 0, 1) / 1000 }), 'exp in 9999');
    await expect401(sign({ iat: now(), exp: now() + 86401 }), 'a day and a second from iat');
    await expect401(sign({ iat: now() + 1e9, exp: now() + 1e9 + 60 }), 'iat in the future');
    for (const exp of [now() + 86400 - 5, now() + 60]) {
      await app.http.get('/v1/me/suspensions').set('Authorization', sign({ exp })).expect(200);
    }
    await app.http
      .get('/v1/me/suspensions')
      .set('Authorization', sign({ iat: now() - 3600, exp: now() + 80000 }))
      .expect(200);
  });

  it('refuses subjects with white space, control or invisible characters, not NFKC-normal, or "system"', async () => {
    const subjects = [
      'acct_1 ',
      ' acct_1',
      'acct\u00a01',
      'acct_1\u200b',
      'acct_1\u200e',
      '\ufeffacct_1',
      'acct\t1',
      'ａｃｃｔ_1',
      'ﬁnance_1',
      'system',
      'SYSTEM',
      '',
    ];
    for (const sub of subjects) {
      const token = jwt.sign({ ...claims, sub, exp: now() + 600 }, TEST_JWT_SECRET);
      await expect401(`Bearer ${token}`, `sub ${JSON.stringify(sub)}`);
    }
    // ids that differ only by case stay distinct principals for ownership (account ids may)
    await app.http.get('/v1/me/suspensions').set(app.bearer('Acct_1', 'appellant')).expect(200);
    await app.http.get('/v1/me/suspensions').set(app.bearer('acct-é_1', 'appellant')).expect(200);
  });

  it('accepts a valid token and answers 403 forbidden for the wrong role', async () => {
    await app.http.get('/v1/me/suspensions').set(app.bearer('acct_1', 'appellant')).expect(200);
    const res = await app.http.get('/v1/me/suspensions').set(app.bearer('rev_1', 'reviewer')).expect(403);
    expect(res.body).toMatchObject({ code: 'forbidden', status: 403 });
    await app.http.get('/v1/audit').set(app.bearer('rev_1', 'reviewer')).expect(403);
    await app.http.get('/v1/audit').set(app.bearer('admin_1', 'admin')).expect(200);
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await app.http.get('/v1/nothing-here').set(app.bearer('acct_1', 'appellant')).expect(404);
    expect(res.body.code).toBe('not_found');
  });
});
