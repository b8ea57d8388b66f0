// A real OpenID provider (oidc-provider, ES modules only) for the identity tests, run as its own process
// by oidc-provider.ts: discovery, a JWKS, and JWT access tokens for one resource server (the API) through
// client credentials and the authorization code flow. It listens on 127.0.0.1 at a free port, prints
// `issuer <url>` once it serves, and exits when its parent's end of stdin closes.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

/** @type {{ audience: string, scope: string, clients: object[], roles: Record<string, string[]>, alg: string }} */
const config = JSON.parse(process.env.OIDC_TEST_CONFIG);

const privateJwk = (type, options, kid) => ({
  ...generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' }),
  kid,
  use: 'sig',
});

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: config.clients,
  // RS256 signs the ID tokens (the provider's default), ES256 the access tokens: a JWKS of two key types
  jwks: {
    keys: [
      privateJwk('rsa', { modulusLength: 2048 }, 'provider-rsa'),
      privateJwk('ec', { namedCurve: 'P-256' }, 'provider-ec'),
    ],
  },
  cookies: { keys: ['oidc-test-cookie-key'] },
  findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  // Keycloak's shape: the roles of the account, or of the client for client credentials
  extraTokenClaims: async (_ctx, token) => ({
    realm_access: { roles: config.roles[token.accountId ?? token.clientId] ?? [] },
  }),
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => config.audience,
      useGrantedResource: async () => true,
      getResourceServerInfo: async () => ({
        scope: config.scope,
        audience: config.audience,
        accessTokenTTL: 600,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: config.alg } },
      }),
    },
  },
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider: ${error.stack}\n`));
server.on('request', provider.callback());

process.stdin.resume().on('end', () => process.exit(0));
process.stdout.write(`issuer ${issuer}\n`);
