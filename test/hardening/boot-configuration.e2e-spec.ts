import { AppProcess, createEmptyDatabase, TestApp, tryConnect } from '@redress/testing';
import request from 'supertest';

/**
 * A mis-set environment must fail safe: development tokens only where nothing real can be signed, and
 * every configuration mistake refused at boot in one line that names the variable.
 */
describe('Boot: development tokens and configuration errors', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start('hardening_boot', { worker: false });
  });
  afterAll(() => app.close());

  it('with the built-in development secret, the API warns and listens on 127.0.0.1 only', async () => {
    // (with the restricted role's URL alone, too: an app applies no migration, it checks none is pending)
    const api = await AppProcess.start(
      'api',
      { ...app.env, NODE_ENV: 'development', AUTH_JWT_SECRET: '', DATABASE_MIGRATION_URL: '' },
      { captureOutput: true },
    );
    try {
      const minted = await request(api.url)
        .post('/v1/dev/token')
        .send({ sub: 'rev_1', roles: ['reviewer'] })
        .expect(200);
      await request(api.url)
        .get('/v1/review/queue')
        .set('Authorization', `Bearer ${minted.body.token}`)
        .expect(200);
      // every 127.x address reaches this machine's loopback: only a socket bound to 127.0.0.1 refuses 127.0.0.2
      expect(await tryConnect(api.port!, '127.0.0.2')).toBe('ECONNREFUSED');
      expect(api.output).toContain('built-in development secret');
    } finally {
      await api.kill();
    }
  });

  it('with a configured secret, even in development, there is no token route and the API listens everywhere', async () => {
    const api = await AppProcess.start(
      'api',
      { ...app.env, NODE_ENV: 'development' },
      { captureOutput: true },
    );
    try {
      const res = await request(api.url)
        .post('/v1/dev/token')
        .send({ sub: 'rev_1', roles: ['admin'] })
        .expect(404);
      expect(res.body.code).toBe('not_found');
      expect(await tryConnect(api.port!, '127.0.0.2')).toBe('connected');
      expect(api.output).not.toContain('built-in development secret');
    } finally {
      await api.kill();
    }
  });

  it('started with only the restricted role on a database never migrated, an app refuses in one line', async () => {
    const empty = await createEmptyDatabase('hardening_boot_empty');
    const refused = await AppProcess.refusal('worker', {
      ...app.env,
      DATABASE_URL: empty.appUrl,
      DATABASE_MIGRATION_URL: '',
    });
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toMatch(
      /^redress-worker: Database migrations are pending and redress_app may not apply them/,
    );
    expect(refused.output.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [{ PAYOUT_PROVIDER: 'webhook' }, 'PAYOUT_WEBHOOK_URL is required with PAYOUT_PROVIDER=webhook'],
    [
      { NODE_ENV: 'production', AUDIT_SIGNING_KEY: '' },
      'AUDIT_SIGNING_KEY is required with NODE_ENV=production',
    ],
    [
      { AUTH_JWKS_URL: 'https://idp.example.com/jwks' },
      'AUTH_JWKS_URL and AUTH_JWT_SECRET are set together: configure one key source',
    ],
    [
      {
        AUTH_JWT_SECRET: '',
        AUTH_OIDC_ISSUER: 'https://sso.example.com',
        AUTH_JWT_ALGORITHMS: 'ES256,HS256',
      },
      'AUTH_JWT_ALGORITHMS: HS256 cannot verify tokens with AUTH_OIDC_ISSUER',
    ],
  ])('refuses %j in one line naming the variable, without a stack trace', async (env, message) => {
    const refused = await AppProcess.refusal('worker', { ...app.env, ...env });
    expect(refused.code).toBe(1);
    const lines = refused.output.trim().split('\n');
    expect(lines[0]).toContain(`redress-worker: Invalid configuration: ${message}`);
    expect(lines.every((line) => line.startsWith('redress-worker: Invalid configuration: '))).toBe(true);
    expect(refused.output).not.toMatch(/^\s+at /m);
  });
});
