import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';

const RSA_PUBLIC = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
  type: 'spki',
  format: 'pem',
}) as string;
const JWKS_URL = 'https://idp.example.com/.well-known/jwks.json';

function problemLines(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('the AUTH_* configuration', () => {
  it('takes the issuer from AUTH_OIDC_ISSUER, and AUTH_JWT_ISSUER with a JWKS URL', () => {
    const oidc = loadConfig({ AUTH_OIDC_ISSUER: 'https://sso.example.com/realms/platform' }).auth;
    expect(oidc).toMatchObject({
      source: { kind: 'oidc', issuer: 'https://sso.example.com/realms/platform' },
      issuer: 'https://sso.example.com/realms/platform',
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    });
    const jwks = loadConfig({ AUTH_JWKS_URL: JWKS_URL, AUTH_JWT_ISSUER: 'https://idp.example.com/' }).auth;
    expect(jwks).toMatchObject({
      source: { kind: 'jwks', url: JWKS_URL },
      issuer: 'https://idp.example.com/',
    });
  });

  it('parses the claim mapping and the role map', () => {
    const auth = loadConfig({
      AUTH_JWKS_URL: JWKS_URL,
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_SUBJECT_CLAIM: 'preferred_username',
      AUTH_ROLE_MAP: 'redress-reviewers=reviewer, redress-leads=reviewer,redress-leads=senior_reviewer',
      AUTH_CLOCK_TOLERANCE_SECONDS: '5',
      AUTH_JWKS_CACHE_SECONDS: '60',
    }).auth;
    expect(auth).toMatchObject({
      rolesClaim: 'realm_access.roles',
      subjectClaim: 'preferred_username',
      clockToleranceSeconds: 5,
      jwksCacheSeconds: 60,
    });
    expect(Object.fromEntries(auth.roleMap!)).toEqual({
      'redress-reviewers': ['reviewer'],
      'redress-leads': ['reviewer', 'senior_reviewer'],
    });
  });

  it.each([
    [
      { AUTH_JWKS_URL: JWKS_URL, AUTH_JWT_SECRET: 'a'.repeat(32) },
      'AUTH_JWKS_URL and AUTH_JWT_SECRET are set together: configure one key source ' +
        '(AUTH_OIDC_ISSUER, AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY or AUTH_JWT_SECRET)',
    ],
    [
      { AUTH_JWKS_URL: JWKS_URL, AUTH_JWT_ALGORITHMS: 'RS256,HS256' },
      'AUTH_JWT_ALGORITHMS: HS256 cannot verify tokens with AUTH_JWKS_URL (it takes RS256, RS384, RS512, ' +
        'PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, Ed25519)',
    ],
    [
      { AUTH_JWT_SECRET: 'a'.repeat(32), AUTH_JWT_ALGORITHMS: 'RS256' },
      'AUTH_JWT_ALGORITHMS: RS256 cannot verify tokens with AUTH_JWT_SECRET (it takes HS256, HS384, HS512)',
    ],
    [{ AUTH_JWT_ALGORITHMS: 'HS256,none' }, 'AUTH_JWT_ALGORITHMS may not contain none (unsigned tokens)'],
    [
      { AUTH_JWT_PUBLIC_KEY: RSA_PUBLIC, AUTH_JWT_ALGORITHMS: 'ES256' },
      'AUTH_JWT_ALGORITHMS: none of ES256 fits the rsa key of AUTH_JWT_PUBLIC_KEY ' +
        '(RS256, RS384, RS512, PS256, PS384, PS512 would)',
    ],
    [
      { AUTH_JWKS_URL: JWKS_URL, AUTH_ROLE_MAP: 'staff=reviewer,ops=root' },
      'AUTH_ROLE_MAP: "root" in "ops=root" is not a Redress role ' +
        '(appellant, reviewer, senior_reviewer, finance, enforcement, admin)',
    ],
    [
      { AUTH_JWKS_URL: JWKS_URL, AUTH_ROLE_MAP: 'reviewer' },
      'AUTH_ROLE_MAP: entry "reviewer" is not idp-name=redress-role',
    ],
    [
      { AUTH_JWKS_URL: JWKS_URL, AUTH_ROLES_CLAIM: 'realm_access..roles' },
      'AUTH_ROLES_CLAIM must be a claim name or a dot path of them, e.g. realm_access.roles',
    ],
  ])('refuses %j in one line naming the variable', (env, line) => {
    expect(problemLines(env)).toEqual([`Invalid configuration: ${line}`]);
  });

  it('fetches keys over https only in production, and refuses a URL that is not one', () => {
    const lines = problemLines({ NODE_ENV: 'production', AUTH_OIDC_ISSUER: 'http://sso.example.com' });
    expect(lines).toContain(
      'Invalid configuration: AUTH_OIDC_ISSUER must be an https URL with NODE_ENV=production',
    );
    expect(problemLines({ AUTH_JWKS_URL: 'not a url' })).toEqual([
      expect.stringMatching(/^Invalid configuration: AUTH_JWKS_URL="not a url": /),
    ]);
  });
});
