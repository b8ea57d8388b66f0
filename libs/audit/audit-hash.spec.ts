import { auditHash, GENESIS_HASH, type AuditEventContent } from './audit-hash';

const event: AuditEventContent = {
  at: '2026-01-01T00:00:00.000Z',
  actor: { sub: 'u1', roles: ['reviewer'] },
  action: 'appeal.claimed',
  entityType: 'appeal',
  entityId: 'a1',
  data: { b: 1, a: [1, 2] },
};

describe('auditHash', () => {
  it('does not depend on key order', () => {
    const reordered = {
      data: { a: [1, 2], b: 1 },
      entityId: 'a1',
      entityType: 'appeal',
      action: 'appeal.claimed',
      actor: { roles: ['reviewer'], sub: 'u1' },
      at: event.at,
    };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, event));
  });

  it('changes with the previous hash and with any field', () => {
    const base = auditHash(GENESIS_HASH, event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash('1'.repeat(64), event)).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...event, data: { b: 2, a: [1, 2] } })).not.toBe(base);
  });
});
