// What every part of a benchmark run shares: names, addresses, the signing secret, token minting.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');

export const JWT_ISSUER = 'redress';
export const JWT_AUDIENCE = 'redress-api';

/** One throwaway database and Redis prefix per run, named alike so leftovers are easy to spot. */
export function createContext() {
  const id = randomBytes(4).toString('hex');
  const name = `redress_bench_${id}`;
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/redress');
  const at = (db) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();
  return {
    id,
    databaseName: name,
    databaseUrl: at(name),
    adminUrl: at('postgres'),
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: name,
    jwtSecret: `redress-bench-${randomBytes(16).toString('hex')}`,
    // production refuses to start without a checkpoint signing key; each run makes its own
    auditSigningKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }),
    startedAt: new Date(),
  };
}

/** An HS256 token as Redress expects it (sub, roles, iss, aud, exp). */
export function mintToken(secret, sub, roles, ttlSeconds = 4 * 3600) {
  return jwt.sign({ roles }, secret, {
    algorithm: 'HS256',
    subject: sub,
    issuer: JWT_ISSUER,
    audience: JWT_AUDIENCE,
    expiresIn: ttlSeconds,
  });
}

export const bearer = (secret, sub, ...roles) => ({
  authorization: `Bearer ${mintToken(secret, sub, roles)}`,
});
