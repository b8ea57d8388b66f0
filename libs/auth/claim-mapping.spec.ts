import { ClaimMapping, claimAt } from './claim-mapping';

describe('claim mapping', () => {
  it('reads a claim at a dot path, a namespaced name with dots whole', () => {
    const claims = {
      realm_access: { roles: ['a'] },
      'https://redress.example.com/roles': ['b'],
      'a.b': { c: 1 },
      a: { b: { d: 2 } },
    };
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['a']);
    expect(claimAt(claims, 'https://redress.example.com/roles')).toEqual(['b']);
    expect(claimAt(claims, 'a.b.c')).toBe(1);
    expect(claimAt(claims, 'a.b.d')).toBe(2);
    expect(claimAt(claims, 'realm_access.roles.length')).toBeUndefined();
    expect(claimAt(claims, 'realm_access.constructor')).toBeUndefined();
  });

  it('takes Redress role names as they are without a map, and only mapped names with one', () => {
    const plain = new ClaimMapping({ rolesClaim: 'roles', subjectClaim: 'sub', roleMap: null });
    expect(plain.roles({ roles: ['reviewer', 'root', 7, 'reviewer'] })).toEqual(['reviewer']);
    expect(plain.roles({ roles: 'reviewer  finance' })).toEqual(['reviewer', 'finance']);
    expect(plain.roles({ roles: { reviewer: true } })).toEqual([]);
    expect(plain.roles({})).toEqual([]);

    const mapped = new ClaimMapping({
      rolesClaim: 'groups',
      subjectClaim: 'sub',
      roleMap: new Map([
        ['case-handlers', ['reviewer'] as const],
        ['case-leads', ['reviewer', 'senior_reviewer'] as const],
      ]),
    });
    expect(mapped.roles({ groups: ['case-leads', 'case-handlers', 'admin'] })).toEqual([
      'reviewer',
      'senior_reviewer',
    ]);
  });

  it('reads the subject from its own claim', () => {
    const mapping = new ClaimMapping({ rolesClaim: 'roles', subjectClaim: 'ext.account_id', roleMap: null });
    expect(mapping.subject({ sub: 'x', ext: { account_id: 'acct_1' } })).toBe('acct_1');
  });
});
