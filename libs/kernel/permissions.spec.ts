import { DomainError } from './domain-error';
import { assertVisible, can, PERMISSIONS, rolesFor, sees, type Permission } from './permissions';
import { ROLES, type Actor, type Role } from './roles';

const actor = (sub: string, ...roles: Role[]): Actor => ({ sub, roles });
const permissions = Object.keys(PERMISSIONS) as Permission[];

describe('PERMISSIONS', () => {
  it.each(permissions)('%s names at least one known role, each once', (permission) => {
    const roles = rolesFor(permission);
    expect(roles.length).toBeGreaterThan(0);
    expect(new Set(roles).size).toBe(roles.length);
    for (const role of roles) expect(ROLES).toContain(role);
  });

  it.each([...ROLES])('gives %s something to do', (role) => {
    expect(permissions.filter((p) => rolesFor(p).includes(role))).not.toHaveLength(0);
  });

  it.each(['appeal', 'refund', 'suspension'])(
    'lets whoever reads every %s read one (the route lets them in)',
    (kind) => {
      const readAny = rolesFor(`${kind}.read_any` as Permission);
      expect(rolesFor(`${kind}.read` as Permission)).toEqual(expect.arrayContaining([...readAny]));
    },
  );
});

describe('can', () => {
  it('is true when any one of the actor’s roles is allowed', () => {
    const both = actor('u1', 'appellant', 'finance');
    expect(can(both, 'refund.settle')).toBe(true);
    expect(can(both, 'appeal.file')).toBe(true);
    expect(can(both, 'queue.work')).toBe(false);
    expect(can(actor('s1', 'reviewer', 'senior_reviewer'), 'queue.work_level2')).toBe(true);
    expect(can(actor('r1', 'reviewer'), 'queue.work_level2')).toBe(false);
  });

  it('is false for an actor without roles (the worker itself)', () => {
    for (const permission of permissions) expect(can(actor('system'), permission)).toBe(false);
  });
});

describe('visibility', () => {
  const record = { accountId: 'acct_1' };

  it('shows staff every record, an appellant only their own', () => {
    expect(sees(actor('rev_1', 'reviewer'), record, 'appeal.read_any')).toBe(true);
    expect(sees(actor('fin_1', 'finance'), record, 'refund.read_any')).toBe(true);
    expect(sees(actor('acct_1', 'appellant'), record, 'appeal.read_any')).toBe(true);
    expect(sees(actor('acct_2', 'appellant'), record, 'appeal.read_any')).toBe(false);
  });

  it('shows nothing to a role that neither reads every record nor owns one, whatever its sub', () => {
    expect(sees(actor('acct_1', 'finance'), record, 'appeal.read_any')).toBe(false);
    expect(sees(actor('acct_1', 'enforcement'), record, 'refund.read_any')).toBe(false);
  });

  it('answers a missing record and someone else’s with the same 404', () => {
    const missing = catchError(() =>
      assertVisible(actor('acct_2', 'appellant'), null, 'appeal.read_any', 'Appeal'),
    );
    const others = catchError(() =>
      assertVisible(actor('acct_2', 'appellant'), record, 'appeal.read_any', 'Appeal'),
    );
    expect(missing).toBeInstanceOf(DomainError);
    expect(others).toEqual(missing);
    expect((others as DomainError).code).toBe('not_found');
    expect(assertVisible(actor('acct_1', 'appellant'), record, 'appeal.read_any', 'Appeal')).toBe(record);
  });
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
