import { TestJwksServer, testSigningKey, type TestSigningKey } from '@redress/testing/jwks-server';
import { errors, jwtVerify } from 'jose';
import { JwksKeySet } from './jwks-key-set';

/** A clock the test moves, so the cache and the cooldown are exact. */
let now = 1_000_000;
const advance = (seconds: number) => (now += seconds * 1000);

describe('JwksKeySet: cache, rotation and outages of a real JWKS endpoint', () => {
  let server: TestJwksServer;
  let first: TestSigningKey;
  let second: TestSigningKey;
  let logged: { level: string; message: string }[];
  let keys: JwksKeySet;

  beforeAll(async () => {
    [first, second] = await Promise.all([
      testSigningKey('ES256', 'first'),
      testSigningKey('EdDSA', 'second'),
    ]);
  });

  beforeEach(async () => {
    server = await TestJwksServer.start();
    server.publish(first);
    logged = [];
    const logger = {
      warn: (message: string) => logged.push({ level: 'warn', message }),
      log: (message: string) => logged.push({ level: 'log', message }),
    };
    keys = new JwksKeySet({
      locate: async () => new URL(server.url),
      cacheSeconds: 60,
      logger,
      now: () => now,
    });
  });
  afterEach(() => server.stop().catch(() => undefined));

  const verify = async (key: TestSigningKey) =>
    jwtVerify(await key.sign({ sub: 'acct_1', exp: Math.floor(Date.now() / 1000) + 600 }), keys.getKey);

  it('fetches the keys once and again only when the cache time has passed', async () => {
    await verify(first);
    await verify(first);
    expect(server.fetches).toBe(1);
    advance(59);
    await verify(first);
    expect(server.fetches).toBe(1);
    advance(1);
    await verify(first);
    expect(server.fetches).toBe(2);
  });

  it('fetches once for an unknown kid, then not again within the cooldown', async () => {
    await verify(first);
    advance(30);
    server.publish(second);
    await expect(verify(second)).resolves.toBeDefined();
    expect(server.fetches).toBe(2);
    const stranger = await testSigningKey('ES256', 'stranger');
    await expect(verify(stranger)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    await expect(verify(stranger)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(server.fetches).toBe(2);
    advance(30);
    await expect(verify(stranger)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(server.fetches).toBe(3);
  });

  it('refuses a withdrawn key once the cache time has passed', async () => {
    await verify(first);
    server.withdraw(first);
    server.publish(second);
    await expect(verify(first)).resolves.toBeDefined();
    advance(60);
    await expect(verify(first)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    await expect(verify(second)).resolves.toBeDefined();
  });

  it('keeps the last keys while the endpoint is down, tries once per cooldown, and warns once', async () => {
    await verify(first);
    await server.stop();
    advance(60);
    await expect(verify(first)).resolves.toBeDefined();
    await expect(verify(second)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    advance(30);
    await expect(verify(first)).resolves.toBeDefined();
    expect(logged).toEqual([
      {
        level: 'warn',
        message: expect.stringMatching(
          new RegExp(
            `^The identity provider's JWKS at ${server.url} cannot be fetched \\(fetch failed: .+\\): the keys fetched at .* stay in use$`,
          ),
        ),
      },
    ]);
    await server.restart();
    server.publish(first, second);
    advance(30);
    await expect(verify(second)).resolves.toBeDefined();
    expect(logged.slice(1)).toEqual([{ level: 'log', message: `The JWKS at ${server.url} answers again` }]);
  });

  it('refuses every token while no keys have ever been fetched', async () => {
    await server.stop();
    await expect(verify(first)).rejects.toThrow("the identity provider's keys could not be fetched");
    expect(logged).toEqual([
      { level: 'warn', message: expect.stringContaining('tokens are refused until it answers') },
    ]);
  });
});
