import { TestApp } from '@redress/testing';
import {
  TestJwksServer,
  testSigningKey,
  type TestAlgorithm,
  type TestSigningKey,
} from '@redress/testing/jwks-server';
import { SignJWT, type JWTPayload } from 'jose';

const ISSUER = 'https://idp.redress.test/';
const CACHE_SECONDS = 1;
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Just past the cache time, which is also the cooldown between two fetches when it is this short. */
const pastTheCache = () => sleep(CACHE_SECONDS * 1000 + 200);

/**
 * Redress on a JWKS endpoint the test controls (AUTH_JWKS_URL): every asymmetric algorithm, the
 * refusals that keep algorithm confusion out, and keys rotated, withdrawn and unreachable, with the
 * cache set to one second.
 */
describe('Identity: a JWKS endpoint, its algorithms and its key rotation', () => {
  let jwks: TestJwksServer;
  let app: TestApp;
  const keys = {} as Record<TestAlgorithm, TestSigningKey>;

  beforeAll(async () => {
    for (const alg of ['RS256', 'PS256', 'ES256', 'EdDSA'] as const) keys[alg] = await testSigningKey(alg);
    jwks = await TestJwksServer.start();
    jwks.publish(...Object.values(keys));
    app = await TestApp.start('identity_jwks', {
      worker: false,
      env: {
        AUTH_JWT_SECRET: '',
        AUTH_JWKS_URL: jwks.url,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWKS_CACHE_SECONDS: String(CACHE_SECONDS),
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await jwks?.stop().catch(() => undefined);
  });

  const claims = (extra: JWTPayload = {}): JWTPayload => ({
    sub: 'rev_1',
    roles: ['reviewer'],
    iss: ISSUER,
    aud: 'redress-api',
    iat: now(),
    exp: now() + 600,
    ...extra,
  });
  /** The status of a reviewer's route called with this token. */
  const status = async (token: string) =>
    (await app.http.get('/v1/review/queue').set('Authorization', `Bearer ${token}`)).status;

  it('accepts RS256, PS256, ES256 and EdDSA tokens signed with a published key', async () => {
    for (const key of Object.values(keys)) {
      expect({ alg: key.alg, status: await status(await key.sign(claims())) }).toEqual({
        alg: key.alg,
        status: 200,
      });
    }
  });

  it('refuses HS256 signed with a published public key, alg none, and the wrong iss, aud or nbf', async () => {
    const rsa = keys.RS256;
    const asSecret = Buffer.from(rsa.publicKey.export({ type: 'spki', format: 'pem' }));
    const refused: [string, string][] = [
      [
        'HS256 with the public key as the secret',
        await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: rsa.kid }).sign(asSecret),
      ],
      ['alg none', `${b64({ alg: 'none', kid: rsa.kid })}.${b64(claims())}.`],
      ['wrong issuer', await rsa.sign(claims({ iss: 'https://mallory.test/' }))],
      ['wrong audience', await rsa.sign(claims({ aud: ['someone-else'] }))],
      ['not before in a minute', await rsa.sign(claims({ nbf: now() + 60 }))],
    ];
    for (const [why, token] of refused)
      expect({ why, status: await status(token) }).toEqual({ why, status: 401 });
    expect(await status(await rsa.sign(claims({ aud: ['someone-else', 'redress-api'] })))).toBe(200);
  });

  it('accepts a newly published kid without a restart, and refuses a withdrawn key once the cache has expired', async () => {
    const next = await testSigningKey('ES256');
    jwks.publish(next);
    await pastTheCache();
    expect(await status(await next.sign(claims()))).toBe(200);
    jwks.withdraw(keys.ES256);
    await pastTheCache();
    expect(await status(await keys.ES256.sign(claims()))).toBe(401);
    expect(await status(await next.sign(claims()))).toBe(200);
  });

  it('keeps the last keys while the JWKS endpoint is down: known keys pass, unknown kids get 401, ready stays up', async () => {
    const fetches = jwks.fetches;
    await jwks.stop();
    await pastTheCache();
    expect(await status(await keys.EdDSA.sign(claims()))).toBe(200);
    expect(await status(await (await testSigningKey('EdDSA')).sign(claims()))).toBe(401);
    await app.http.get('/health/ready').expect(200);
    await jwks.restart();
    const after = await testSigningKey('PS256');
    jwks.publish(after);
    await pastTheCache();
    expect(await status(await after.sign(claims()))).toBe(200);
    expect(jwks.fetches).toBeGreaterThan(fetches);
  });
});
