import type { Role } from '@redress/kernel';
import { suspensionRequest, TestApp } from '@redress/testing';
import { testSigningKey } from '@redress/testing/jwks-server';
import { TestOidcProvider } from '@redress/testing/oidc-provider';
import { fetchOpenApi, listRoutes, type Route } from '@redress/testing/openapi';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { itChecksEveryRole } from '../hardening/authorization-matrix';

/** The provider's own role names, as a platform's realm would have them, and what each is in Redress. */
const IDP_ROLE: Record<Role, string> = {
  appellant: 'account-holder',
  reviewer: 'case-handler',
  senior_reviewer: 'case-lead',
  finance: 'money-movers',
  enforcement: 'platform-enforcement',
  admin: 'operators',
};
const ROLE_MAP = Object.entries(IDP_ROLE)
  .map(([role, name]) => `${name}=${role}`)
  .join(',');
const MACHINE_CLIENT = 'enforcement-system';

/**
 * Redress behind a real OpenID provider (oidc-provider on loopback): found by discovery alone
 * (AUTH_OIDC_ISSUER), its JWKS fetched from the jwks_uri it publishes, its JWT access tokens read with
 * Keycloak-style `realm_access.roles` mapped by AUTH_ROLE_MAP. Machine clients sign in by client
 * credentials, people by the authorization code flow through the provider's own pages.
 */
describe('Identity: tokens from an OpenID Connect provider', () => {
  let provider: TestOidcProvider;
  let app: TestApp;
  let documented: Route[];

  beforeAll(async () => {
    provider = await TestOidcProvider.start({
      machineClients: [MACHINE_CLIENT],
      roles: {
        [MACHINE_CLIENT]: [IDP_ROLE.enforcement, 'offline_access'],
        rev_oidc: [IDP_ROLE.reviewer, 'uma_authorization'],
        acct_oidc: [IDP_ROLE.appellant],
        ...Object.fromEntries(Object.entries(IDP_ROLE).map(([role, name]) => [`matrix_${role}`, [name]])),
      },
    });
    app = await TestApp.start('identity_oidc', {
      worker: false,
      env: {
        AUTH_JWT_SECRET: '',
        AUTH_OIDC_ISSUER: provider.issuer,
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_ROLE_MAP: ROLE_MAP,
        RATE_LIMIT_PER_MINUTE: '10000',
      },
    });
    documented = listRoutes(await fetchOpenApi(app.http));
  });
  afterAll(async () => {
    await app?.close();
    await provider?.stop();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('lets a machine client with client credentials act as enforcement, under its client id', async () => {
    const token = await provider.clientCredentialsToken(MACHINE_CLIENT);
    expect(decodeJwt(token)).toMatchObject({
      iss: provider.issuer,
      aud: 'redress-api',
      sub: MACHINE_CLIENT,
      realm_access: { roles: [IDP_ROLE.enforcement, 'offline_access'] },
    });
    const created = await app.http
      .post('/v1/suspensions')
      .set(bearer(token))
      .send(suspensionRequest())
      .expect(201);
    expect(created.body.source).toBe(MACHINE_CLIENT);
    await app.http.get('/v1/review/queue').set(bearer(token)).expect(403);
  });

  it('lets people in with tokens from the authorization code flow, with their mapped roles only', async () => {
    const reviewer = await provider.userToken('rev_oidc');
    expect(decodeJwt(reviewer)).toMatchObject({ sub: 'rev_oidc', client_id: 'redress-console' });
    await app.http.get('/v1/review/queue').set(bearer(reviewer)).expect(200);
    // what the console shows and links by: the roles as the API maps them, not the token's own claims
    const session = await app.http.get('/v1/session').set(bearer(reviewer)).expect(200);
    expect(session.body).toEqual({ sub: 'rev_oidc', roles: ['reviewer'] });
    // 'uma_authorization' is not in the map: ignored, not an error
    await app.http.get('/v1/audit').set(bearer(reviewer)).expect(403);
    const appellant = await provider.userToken('acct_oidc');
    await app.http.get('/v1/me/suspensions').set(bearer(appellant)).expect(200);
    await app.http.get('/v1/review/queue').set(bearer(appellant)).expect(403);
  });

  it('refuses what the provider did not sign: another key under its kid, an unknown kid, a changed claim', async () => {
    const genuine = await provider.clientCredentialsToken(MACHINE_CLIENT);
    const { kid } = decodeProtectedHeader(genuine);
    const claims = decodeJwt(genuine);
    const impostor = await testSigningKey('ES256', kid);
    const stranger = await testSigningKey('ES256');
    const [header, , signature] = genuine.split('.');
    const widened = Buffer.from(
      JSON.stringify({ ...claims, realm_access: { roles: [IDP_ROLE.admin] } }),
    ).toString('base64url');
    for (const [why, token] of [
      ['another key, same kid', await impostor.sign(claims)],
      ['an unknown kid', await stranger.sign(claims)],
      ['roles changed after signing', `${header}.${widened}.${signature}`],
    ]) {
      const res = await app.http
        .get('/v1/suspensions/00000000-0000-4000-8000-000000000000')
        .set(bearer(token));
      expect({ why, status: res.status, code: res.body.code }).toEqual({
        why,
        status: 401,
        code: 'unauthenticated',
      });
    }
    await app.http.get('/health/ready').expect(200);
  });

  describe('the authorisation matrix, with the provider’s tokens', () => {
    itChecksEveryRole(
      () => ({ app, documented }),
      async (sub) => provider.userToken(sub),
    );
  });
});
