import { ROLES } from '@redress/kernel';
import * as jwt from 'jsonwebtoken';
import { TEST_JWT_SECRET } from './test-env';

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = (): number => Math.floor(Date.now() / 1000);
const ISSUER = 'redress';
const AUDIENCE = 'redress-api';

/**
 * `Authorization` values that must all be refused with 401, each one holding every role so that a
 * route's role check can never be what refuses it. `undefined` means no header at all.
 */
export function rejectedCredentials(sub = 'intruder_1'): Record<string, string | undefined> {
  const claims = { sub, roles: [...ROLES], iss: ISSUER, aud: AUDIENCE };
  const fresh = { ...claims, exp: now() + 600 };
  return {
    anonymous: undefined,
    expired: `Bearer ${jwt.sign({ ...claims, exp: now() - 60 }, TEST_JWT_SECRET)}`,
    'forged signature': `Bearer ${jwt.sign(fresh, 'not-the-server-secret-0123456789')}`,
    'alg none': `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(fresh)}.`,
    'wrong audience': `Bearer ${jwt.sign({ ...fresh, aud: 'someone-else' }, TEST_JWT_SECRET)}`,
    'wrong issuer': `Bearer ${jwt.sign({ ...fresh, iss: 'mallory' }, TEST_JWT_SECRET)}`,
  };
}
