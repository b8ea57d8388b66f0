import { exportJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TestAlgorithm = 'RS256' | 'PS256' | 'ES256' | 'EdDSA';

/** A signing key pair as an identity provider holds it: the private half signs, the public half is published. */
export interface TestSigningKey {
  kid: string;
  alg: TestAlgorithm;
  publicKey: KeyObject;
  publicJwk: JWK;
  /** A token signed with this key, with `kid` and `alg` in its header. */
  sign(claims: JWTPayload): Promise<string>;
}

export async function testSigningKey(
  alg: TestAlgorithm,
  kid: string = randomUUID(),
): Promise<TestSigningKey> {
  const { privateKey, publicKey } =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : alg === 'EdDSA'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    alg,
    publicKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(privateKey),
  };
}

/**
 * A JWKS endpoint the test controls, on 127.0.0.1 at a port of its own: keys are published and
 * withdrawn as an identity provider rotates them, and the server can be stopped (an outage) and
 * started again on the same port.
 */
export class TestJwksServer {
  /** How many times the JWKS was fetched. */
  fetches = 0;
  private readonly published = new Map<string, JWK>();
  private server: Server;

  private constructor(private port: number) {
    this.server = this.createServer();
  }

  static async start(): Promise<TestJwksServer> {
    const jwks = new TestJwksServer(0);
    await jwks.listen();
    return jwks;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/jwks`;
  }

  publish(...keys: TestSigningKey[]): void {
    for (const key of keys) this.published.set(key.kid, key.publicJwk);
  }

  withdraw(key: TestSigningKey): void {
    this.published.delete(key.kid);
  }

  /** Refuses connections from now on, and drops the kept-alive ones. */
  async stop(): Promise<void> {
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }

  async restart(): Promise<void> {
    this.server = this.createServer();
    await this.listen();
  }

  private createServer(): Server {
    return createServer((req, res) => {
      if (req.url !== '/jwks') {
        res.writeHead(404).end();
        return;
      }
      this.fetches += 1;
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify({ keys: [...this.published.values()] }));
    });
  }

  private async listen(): Promise<void> {
    this.server.listen(this.port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }
}
