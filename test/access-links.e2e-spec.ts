import { eventually, STATEMENT, suspensionRequest, TestApp } from '@redress/testing';
import { TEST_JWT_SECRET } from '@redress/testing/test-env';
import { SignJWT } from 'jose';
import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { SmtpReceiver, type ReceivedMail } from './notifications-receivers';

const PUBLIC_URL = 'https://appeals.example.test';
const ACCESS_TOKEN_SECRET = `access-secret-${randomUUID()}`;
const CHINESE = /[\u4e00-\u9fff]/;
const LINK = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/appeal/access#([A-Za-z0-9_-]{43})`);

/**
 * One-time access links on the real path: the API records the request, the worker finds the accounts
 * and e-mails their links to a real SMTP server, the exchange answers an access token that the API
 * accepts beside the platform's tokens, for appellant routes only.
 */
describe('One-time access links: the appellant’s way in without the platform’s sign-in', () => {
  let app: TestApp;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    app = await TestApp.start('access_links', {
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL,
        ACCESS_TOKEN_SECRET,
        ACCESS_LINK_REQUESTS_PER_ADDRESS: '3',
        ACCESS_LINK_REQUESTS_PER_IP: '6',
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  /** Each test asks from a client address of its own (the API trusts X-Forwarded-For), so the IP budget is its own. */
  const fromIp = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;
  const askLink = (body: Record<string, unknown>, ip = fromIp()) =>
    app.http.post('/v1/access-links').set('X-Forwarded-For', ip).send(body);
  const exchange = (token: string) => app.http.post('/v1/access-links/exchange').send({ token });

  const suspend = async (overrides: Record<string, unknown> = {}) => {
    const body = suspensionRequest(overrides);
    const { body: created } = await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(body)
      .expect(201);
    return {
      id: created.id as string,
      accountId: body.accountId as string,
      email: body.accountEmail as string,
    };
  };
  const mailsTo = (address: string, count = 1) =>
    eventually(
      async () => {
        const found = smtp.messages.filter(
          (m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()) && LINK.test(m.text),
        );
        return found.length >= count ? found : null;
      },
      15000,
      `${count} access-link mail(s) to ${address}`,
    );
  const tokenOf = (mail: ReceivedMail) => LINK.exec(mail.text)![1];
  const linkFor = async (email: string) => {
    await askLink({ email }).expect(202);
    const mails = await mailsTo(email);
    return tokenOf(mails.at(-1)!);
  };
  const allRequestsProcessed = () =>
    eventually(async () => {
      const [{ open }] = await app.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM outbox_messages WHERE type = 'access_link.requested' AND processed_at IS NULL`,
      );
      return open === 0;
    });

  it('answers a known and an unknown address alike, and mails only the known one', async () => {
    const known = await suspend();
    const unknown = `${randomUUID()}@example.com`;
    const answers = [await askLink({ email: known.email }), await askLink({ email: unknown })];
    for (const answer of answers) expect(answer.status).toBe(202);
    expect(answers[0].body).toEqual(answers[1].body);
    expect(answers[0].body).toEqual({ status: 'accepted', message: expect.stringContaining('30 minutes') });
    const headerNames = (res: (typeof answers)[number]) => Object.keys(res.headers).sort();
    expect(headerNames(answers[0])).toEqual(headerNames(answers[1]));
    // the same work on the request path: one outbox row each, the lookup left to the worker
    const rows = await app.query<{ payload: { email: string } }>(
      `SELECT payload FROM outbox_messages WHERE type = 'access_link.requested' AND payload->>'email' = ANY($1)`,
      [[known.email, unknown]],
    );
    expect(rows).toHaveLength(2);

    const [mail] = await mailsTo(known.email);
    await allRequestsProcessed();
    expect(smtp.messages.filter((m) => m.to.includes(unknown))).toEqual([]);
    expect(mail.text).toContain(`${PUBLIC_URL}/appeal/suspensions/${known.id}`);
    expect(mail.html).toContain(`${PUBLIC_URL}/appeal/access#${tokenOf(mail)}`);
    expect(mail.text).toContain(known.accountId);
    expect(`${mail.text}${mail.html}`).not.toContain('/v1/');
  });

  it('mails one link per account under one address, each in its suspension’s locale, and keeps only hashes', async () => {
    const email = `shared-${randomUUID()}@example.com`;
    const english = await suspend({ accountEmail: email });
    const chinese = await suspend({ accountEmail: email.toUpperCase(), locale: 'zh-CN' });
    await askLink({ email }).expect(202);
    const all = await mailsTo(email, 2);
    expect(all).toHaveLength(2);
    const zh = all.find((m) => m.text.includes(chinese.accountId))!;
    const en = all.find((m) => m.text.includes(english.accountId))!;
    expect(zh.subject).toMatch(CHINESE);
    expect(zh.text).toContain(`${PUBLIC_URL}/appeal/suspensions/${chinese.id}`);
    expect(en.subject).not.toMatch(CHINESE);
    expect(tokenOf(zh)).not.toBe(tokenOf(en));

    // the tokens are nowhere in the database: the link table holds their SHA-256
    for (const token of [tokenOf(zh), tokenOf(en)]) {
      const [{ found }] = await app.query<{ found: number }>(
        `SELECT ((SELECT count(*) FROM access_links l WHERE row_to_json(l)::text LIKE '%' || $1 || '%')
              + (SELECT count(*) FROM outbox_messages o WHERE o.payload::text LIKE '%' || $1 || '%')
              + (SELECT count(*) FROM notifications n WHERE row_to_json(n)::text LIKE '%' || $1 || '%'))::int AS found`,
        [token],
      );
      expect(found).toBe(0);
    }
    const links = await app.query<{ account_id: string }>(
      `SELECT account_id FROM access_links WHERE account_id = ANY($1)`,
      [[english.accountId, chinese.accountId]],
    );
    expect(links.map((l) => l.account_id).sort()).toEqual([english.accountId, chinese.accountId].sort());
  });

  it('exchanges a link once for an access token to the account’s own appellant routes only', async () => {
    const mine = await suspend();
    const theirs = await suspend();
    const token = await linkFor(mine.email);

    const { body: session } = await exchange(token).expect(200);
    expect(session).toEqual({
      accessToken: expect.any(String),
      expiresAt: expect.any(String),
      accountId: mine.accountId,
    });
    const hours = (Date.parse(session.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    const me = { Authorization: `Bearer ${session.accessToken}` };

    const { body: list } = await app.http.get('/v1/me/suspensions').set(me).expect(200);
    expect(list.data.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    await app.http.get(`/v1/suspensions/${theirs.id}`).set(me).expect(404);
    const { body: appeal } = await app.http
      .post('/v1/appeals')
      .set(me)
      .send({ suspensionId: mine.id, statement: STATEMENT, requestedRemedy: 'reinstate' })
      .expect(201);
    expect(appeal.suspensionId).toBe(mine.id);
    // staff routes are closed to it
    const forbidden = await app.http.get('/v1/review/queue').set(me).expect(403);
    expect(forbidden.body.code).toBe('forbidden');
    await app.http.get('/v1/audit/verify').set(me).expect(403);

    // the inbox copy of the notice links to the appeal page and says how to get in
    const { body: inbox } = await eventually(async () => {
      const res = await app.http.get('/v1/me/notifications').set(me);
      return res.body.data?.some((n: { type?: string; eventType?: string }) =>
        JSON.stringify(n).includes('suspension.noticed'),
      )
        ? res
        : null;
    });
    const notice = JSON.stringify(inbox.data);
    expect(notice).toContain(`${PUBLIC_URL}/appeal/suspensions/${mine.id}`);
    expect(notice).toContain('one-time sign-in link');
    expect(notice).not.toContain('/v1/');

    const reused = await exchange(token).expect(401);
    expect(reused.body.code).toBe('unauthenticated');
  });

  it('refuses an expired link and one Redress never sent, with the same 401', async () => {
    const { email } = await suspend();
    const token = await linkFor(email);
    await app.query(
      `UPDATE access_links SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
        WHERE created_at = (SELECT max(created_at) FROM access_links)`,
    );
    const expired = await exchange(token).expect(401);
    const forged = await exchange(randomBytes(32).toString('base64url')).expect(401);
    const garbage = await exchange('not a token').expect(401);
    for (const res of [expired, forged, garbage]) expect(res.body.code).toBe('unauthenticated');
    expect(expired.body.detail).toBe(forged.body.detail);
    await app.http.post('/v1/access-links/exchange').send({}).expect(400);
  });

  it('chooses the verifier by issuer: neither key verifies the other issuer’s tokens', async () => {
    const { accountId } = await suspend();
    const sign = (secret: string, issuer: string, roles: string[] = ['appellant']) =>
      new SignJWT({ roles })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(issuer)
        .setAudience('redress-api')
        .setSubject(accountId)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(createSecretKey(Buffer.from(secret)));
    const call = async (token: string) =>
      (await app.http.get('/v1/me/suspensions').set('Authorization', `Bearer ${token}`)).status;

    expect(await call(await sign(ACCESS_TOKEN_SECRET, 'redress-access'))).toBe(200);
    expect(await call(await sign(TEST_JWT_SECRET, 'redress'))).toBe(200);
    // a redress-access token signed with the platform's key, and a platform token with the access secret
    expect(await call(await sign(TEST_JWT_SECRET, 'redress-access'))).toBe(401);
    expect(await call(await sign(ACCESS_TOKEN_SECRET, 'redress'))).toBe(401);
    // whatever roles an access token names, only appellant counts
    const admin = await sign(ACCESS_TOKEN_SECRET, 'redress-access', ['admin', 'appellant']);
    expect((await app.http.get('/v1/audit/verify').set('Authorization', `Bearer ${admin}`)).status).toBe(403);
  });

  it('limits requests per address and per client IP with 429 and Retry-After', async () => {
    const email = `limited-${randomUUID()}@example.com`;
    for (let i = 0; i < 3; i++) await askLink({ email }).expect(202);
    const perAddress = await askLink({ email: email.toUpperCase() }).expect(429);
    expect(perAddress.body.code).toBe('rate_limited');
    expect(Number(perAddress.headers['retry-after'])).toBeGreaterThan(0);
    expect(perAddress.headers['x-ratelimit-remaining']).toBe('0');

    const ip = fromIp();
    for (let i = 0; i < 6; i++) await askLink({ email: `${randomUUID()}@example.com` }, ip).expect(202);
    const perIp = await askLink({ email: `${randomUUID()}@example.com` }, ip).expect(429);
    expect(perIp.body.code).toBe('rate_limited');
    expect(Number(perIp.headers['retry-after'])).toBeGreaterThan(0);
    // another client is still let through
    await askLink({ email: `${randomUUID()}@example.com` }).expect(202);
  });
});
