import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  auditHash,
  canonicalAuditEvent,
  chainDigest,
  GENESIS_HASH,
  type AuditEventContent,
} from './audit-hash';

const event: AuditEventContent = {
  at: '2026-01-01T00:00:00.000Z',
  actor: { sub: 'u1', roles: ['reviewer'] },
  action: 'appeal.claimed',
  entityType: 'appeal',
  entityId: 'a1',
  data: { b: 1, a: [1, 2] },
};

describe('canonicalAuditEvent', () => {
  it('is the RFC 8785 canonical JSON of the whole event, for any content', () => {
    const text = fc.string({ unit: 'grapheme' });
    const content = fc.record({
      at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      actor: fc.record({ sub: text, roles: fc.array(text) }),
      action: text,
      entityType: text,
      entityId: text,
      data: fc.dictionary(text, fc.jsonValue()),
    });
    fc.assert(
      fc.property(content, (event) => {
        expect(canonicalAuditEvent(event)).toBe(canonicalize(event));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a lone surrogate as the whole-object canonicalisation does', () => {
    expect(() => canonicalAuditEvent({ ...event, action: 'x\ud800' })).toThrow(/surrogate/i);
  });
});

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

describe('chainDigest', () => {
  const eventHash = auditHash(GENESIS_HASH, event);

  it('is sha256 over the previous digest, the seq in decimal and the event hash, colon-separated', () => {
    expect(chainDigest(GENESIS_HASH, 42, eventHash)).toBe(
      createHash('sha256').update(`${GENESIS_HASH}:42:${eventHash}`).digest('hex'),
    );
  });

  it('changes with the predecessor, the seq and the event', () => {
    const base = chainDigest(GENESIS_HASH, 1, eventHash);
    expect(chainDigest('1'.repeat(64), 1, eventHash)).not.toBe(base);
    expect(chainDigest(GENESIS_HASH, 2, eventHash)).not.toBe(base);
    expect(chainDigest(GENESIS_HASH, 1, auditHash('1'.repeat(64), event))).not.toBe(base);
  });
});
