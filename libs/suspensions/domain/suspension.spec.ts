import type { Actor, Role } from '@redress/kernel';
import { seesSuspension } from './suspension';

const suspension = { source: 'enforcer_1', accountId: 'acct_1' };
const actor = (sub: string, ...roles: Role[]): Actor => ({ sub, roles });

describe('seesSuspension', () => {
  it('shows an enforcement client the suspensions it sent, and no other', () => {
    expect(seesSuspension(actor('enforcer_1', 'enforcement'), suspension)).toBe(true);
    expect(seesSuspension(actor('enforcer_2', 'enforcement'), suspension)).toBe(false);
    expect(seesSuspension(actor('acct_1', 'enforcement'), suspension)).toBe(false);
  });

  it('shows an appellant the suspensions of its own account', () => {
    expect(seesSuspension(actor('acct_1', 'appellant'), suspension)).toBe(true);
    expect(seesSuspension(actor('acct_2', 'appellant'), suspension)).toBe(false);
    expect(seesSuspension(actor('enforcer_1', 'appellant'), suspension)).toBe(false);
  });

  it.each<Role>(['reviewer', 'senior_reviewer', 'finance', 'admin'])(
    'shows %s every suspension, with enforcement too',
    (role) => {
      expect(seesSuspension(actor('someone', role), suspension)).toBe(true);
      expect(seesSuspension(actor('enforcer_2', 'enforcement', role), suspension)).toBe(true);
    },
  );
});
