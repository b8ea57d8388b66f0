import { DomainError } from '@redress/kernel';
import { testSigningKey, type TestSigningKey } from '@redress/testing/jwks-server';
import { SignJWT, type JWTPayload } from 'jose';
import { TokenVerifier, type VerifierSettings } from './token-verifier';

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const SETTINGS: VerifierSettings = {
  issuer: 'https://idp.example.com/',
  audience: 'redress-api',
  algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
  clockToleranceSeconds: 30,
  maxTokenTtlSeconds: 86400,
  rolesClaim: 'roles',
  subjectClaim: 'sub',
  roleMap: null,
};
const claims = (extra: JWTPayload = {}): JWTPayload => ({
  sub: 'rev_1',
  roles: ['reviewer'],
  iss: SETTINGS.issuer,
  aud: 'redress-api',
  exp: now() + 600,
  ...extra,
});

describe('TokenVerifier with a public key', () => {
  let rsa: TestSigningKey;
  let verifier: TokenVerifier;
  beforeAll(async () => {
    rsa = await testSigningKey('RS256');
    verifier = new TokenVerifier(rsa.publicKey, SETTINGS);
  });

  const refused = async (token: string) => {
    const error = await verifier.verify(token).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('unauthenticated');
    return (error as DomainError).message;
  };

  it('accepts a token signed with the key, aud a string or an array containing the audience', async () => {
    await expect(verifier.verify(await rsa.sign(claims()))).resolves.toEqual({
      sub: 'rev_1',
      roles: ['reviewer'],
    });
    await expect(
      verifier.verify(await rsa.sign(claims({ aud: ['other', 'redress-api'] }))),
    ).resolves.toBeDefined();
  });

  it('refuses HS256 signed with the public key as the secret, and alg none', async () => {
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' });
    const confused = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(Buffer.from(pem));
    expect(await refused(confused)).toMatch(/"alg" \(Algorithm\) Header Parameter value not allowed/);
    expect(await refused(`${b64({ alg: 'none' })}.${b64(claims())}.`)).toMatch(/Invalid token/);
  });

  it('honours nbf, exp and iat with the clock tolerance', async () => {
    await expect(verifier.verify(await rsa.sign(claims({ nbf: now() + 20 })))).resolves.toBeDefined();
    expect(await refused(await rsa.sign(claims({ nbf: now() + 60 })))).toMatch(/nbf/);
    await expect(verifier.verify(await rsa.sign(claims({ exp: now() - 20 })))).resolves.toBeDefined();
    expect(await refused(await rsa.sign(claims({ exp: now() - 60 })))).toMatch(/exp/);
    expect(await refused(await rsa.sign(claims({ iat: now() + 60 })))).toMatch(/iat is in the future/);
    expect(await refused(await rsa.sign(claims({ iat: now(), exp: now() + 86401 })))).toMatch(
      /AUTH_MAX_TOKEN_TTL_SECONDS/,
    );
  });

  it('refuses the wrong issuer or audience, and a subject that breaks the subject rules', async () => {
    expect(await refused(await rsa.sign(claims({ iss: 'https://idp.example.com' })))).toMatch(/iss/);
    expect(await refused(await rsa.sign(claims({ aud: ['other'] })))).toMatch(/aud/);
    expect(await refused(await rsa.sign(claims({ sub: 'SYSTEM' })))).toBe('Invalid token: sub is reserved');
    const byEmail = new TokenVerifier(rsa.publicKey, { ...SETTINGS, subjectClaim: 'email' });
    expect(await byEmail.verify(await rsa.sign(claims({ email: 'rev@example.com' })))).toMatchObject({
      sub: 'rev@example.com',
    });
    await expect(byEmail.verify(await rsa.sign(claims()))).rejects.toThrow(
      'Invalid token: email is required',
    );
  });
});
