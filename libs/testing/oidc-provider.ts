import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';

export interface TestOidcProviderOptions {
  /** The resource server (the API) its access tokens are for: their `aud`. */
  audience?: string;
  /** Client-credentials clients (machine clients); each one's secret is `<id>-secret`. */
  machineClients?: string[];
  /** The names in `realm_access.roles` of each account (user tokens) or client (machine tokens). */
  roles?: Record<string, string[]>;
  /** What signs the access tokens. */
  alg?: 'ES256' | 'RS256' | 'PS256';
}

const SCRIPT = join(__dirname, 'oidc-provider-server.mjs');
/** The web client the user flow signs in through; nothing listens at its redirect URI, the code is read from it. */
const USER_CLIENT = { id: 'redress-console', secret: 'redress-console-secret' };
const REDIRECT_URI = 'http://127.0.0.1:1/callback';
const SCOPE = 'redress';
/** The API as a resource indicator (RFC 8707 wants an absolute URI); its tokens' `aud` is the audience. */
const RESOURCE = 'urn:redress:api';

/**
 * A real OpenID provider on loopback (oidc-provider, certified; libs/testing/oidc-provider-server.mjs),
 * in a process of its own because the package is ES modules only. It publishes discovery and a JWKS and
 * issues JWT access tokens for one audience, with Keycloak-style `realm_access.roles`.
 */
export class TestOidcProvider {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  static async start(options: TestOidcProviderOptions = {}): Promise<TestOidcProvider> {
    const audience = options.audience ?? 'redress-api';
    const clients = [
      ...(options.machineClients ?? []).map((id) => ({
        client_id: id,
        client_secret: `${id}-secret`,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      })),
      {
        client_id: USER_CLIENT.id,
        client_secret: USER_CLIENT.secret,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [REDIRECT_URI],
      },
    ];
    const config = {
      audience,
      scope: SCOPE,
      clients,
      roles: options.roles ?? {},
      alg: options.alg ?? 'ES256',
    };
    const child = spawn(process.execPath, [SCRIPT], {
      env: { ...process.env, NODE_ENV: 'test', OIDC_TEST_CONFIG: JSON.stringify(config) },
    });
    // its start-up warnings (in-memory adapter, development interactions) are what a test provider is
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString().replace(/^oidc-provider WARNING: .*\n/gm, '');
      if (text) process.stderr.write(text);
    });
    let stdout = '';
    const issuer = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^issuer (\S+)$/m.exec(stdout);
        if (match) resolve(match[1]);
      });
      child.once('close', (code) => reject(new Error(`the OpenID provider exited while starting (${code})`)));
    });
    return new TestOidcProvider(child, issuer, audience);
  }

  /** An access token for a machine client, by OAuth client credentials (RFC 6749 §4.4, RFC 8707 resource). */
  async clientCredentialsToken(clientId: string): Promise<string> {
    return this.token(
      { grant_type: 'client_credentials', scope: SCOPE, resource: RESOURCE },
      { id: clientId, secret: `${clientId}-secret` },
    );
  }

  /**
   * An access token for a person, by the authorization code flow with PKCE, driven as a browser would:
   * the provider's own sign-in and consent pages (its development interactions accept any login).
   */
  async userToken(accountId: string): Promise<string> {
    const verifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      client_id: USER_CLIENT.id,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: `openid ${SCOPE}`,
      resource: RESOURCE,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const browser = new Browser();
    let location = await browser.go(`${this.issuer}/auth?${query}`);
    while (!location.startsWith(REDIRECT_URI)) {
      if (!new URL(location, this.issuer).pathname.startsWith('/interaction/')) {
        location = await browser.go(new URL(location, this.issuer).href);
        continue;
      }
      const page = await browser.read(new URL(location, this.issuer).href);
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (!prompt) throw new Error(`no sign-in or consent form at ${location}`);
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt };
      location = await browser.go(new URL(location, this.issuer).href, form);
    }
    const code = new URL(location).searchParams.get('code');
    if (!code) throw new Error(`the provider redirected without a code: ${location}`);
    return this.token(
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
        resource: RESOURCE,
      },
      USER_CLIENT,
    );
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGKILL');
    await once(this.child, 'close');
  }

  private async token(form: Record<string, string>, client: { id: string; secret: string }): Promise<string> {
    const res = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
      },
      body: new URLSearchParams(form),
    });
    const body = (await res.json()) as { access_token?: string };
    if (!res.ok || !body.access_token) throw new Error(`token request failed: ${JSON.stringify(body)}`);
    return body.access_token;
  }
}

/** Just enough of a browser for the provider's pages: its cookies, and redirects followed one at a time. */
class Browser {
  private readonly cookies = new Map<string, string>();

  /** GETs, or POSTs the form, and answers where the redirect that must follow points. */
  async go(url: string, form?: Record<string, string>): Promise<string> {
    const res = await this.request(url, form);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location)
      throw new Error(`expected a redirect from ${url}, got ${res.status}: ${await res.text()}`);
    return location;
  }

  async read(url: string): Promise<string> {
    const res = await this.request(url);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    return res.text();
  }

  private async request(url: string, form?: Record<string, string>): Promise<Response> {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form) : undefined,
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }
}
