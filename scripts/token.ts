import { signToken } from '@redress/auth';
import { loadConfig } from '@redress/config';
import { ROLES, type Role } from '@redress/kernel';
import { parseArgs } from 'node:util';

/** `npm run token -- --sub acct_1 --roles appellant[,reviewer] [--ttl 3600]`: a development token. */
const { values } = parseArgs({
  options: { sub: { type: 'string' }, roles: { type: 'string' }, ttl: { type: 'string', default: '3600' } },
});
const roles = (values.roles ?? '')
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean);
const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
if (!values.sub || roles.length === 0 || unknown.length > 0) {
  process.stderr.write(
    `usage: npm run token -- --sub <id> --roles <${ROLES.join('|')}>[,…] [--ttl seconds]\n`,
  );
  if (unknown.length) process.stderr.write(`unknown role(s): ${unknown.join(', ')}\n`);
  process.exit(2);
}
process.stdout.write(
  `${signToken(loadConfig(), { sub: values.sub, roles: roles as Role[] }, { expiresInSeconds: Number(values.ttl) })}\n`,
);
