import type { AppealOrigin, AppealStatus } from '@redress/appeals';
import type { Actor } from '@redress/kernel';
import type { Evidence } from './evidence';
import {
  assertAcceptsEvidence,
  assertAppealVisible,
  assertMayMarkInternal,
  mayViewEvidence,
  uploadingAs,
  viewingAs,
} from './evidence-access';

const appellant: Actor = { sub: 'acct_1', roles: ['appellant'] };
const other: Actor = { sub: 'acct_2', roles: ['appellant'] };
const reviewer: Actor = { sub: 'rev_1', roles: ['reviewer'] };
const admin: Actor = { sub: 'adm_1', roles: ['admin', 'appellant'] };
const appeal = (status: AppealStatus, origin: AppealOrigin = 'appellant') => ({
  id: 'a1',
  accountId: 'acct_1',
  origin,
  status,
});
const item = (internal: boolean) => ({ internal }) as Evidence;

describe('evidence access', () => {
  it('lets staff see every appeal, an appellant only their own (404 otherwise)', () => {
    expect(assertAppealVisible(appeal('submitted'), reviewer, 'staff').id).toBe('a1');
    expect(assertAppealVisible(appeal('submitted'), appellant, 'appellant').id).toBe('a1');
    expect(() => assertAppealVisible(appeal('submitted'), other, 'appellant')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(() => assertAppealVisible(appeal('submitted', 'sample'), appellant, 'appellant')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(assertAppealVisible(appeal('submitted', 'sample'), reviewer, 'staff').id).toBe('a1');
    expect(() => assertAppealVisible(null, reviewer, 'staff')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('lets admins read as staff but upload only as an appellant (their own appeals)', () => {
    expect(viewingAs(admin)).toBe('staff');
    expect(uploadingAs(admin)).toBe('appellant');
    expect(uploadingAs(reviewer)).toBe('staff');
  });

  it('hides internal items and other people’s items from appellants', () => {
    expect(mayViewEvidence(appellant, item(false), 'acct_1')).toBe(true);
    expect(mayViewEvidence(appellant, item(true), 'acct_1')).toBe(false);
    expect(mayViewEvidence(other, item(false), 'acct_1')).toBe(false);
    expect(mayViewEvidence(reviewer, item(true), 'acct_1')).toBe(true);
  });

  it('accepts evidence only on open appeals with a free slot', () => {
    for (const status of ['submitted', 'in_review', 'awaiting_appellant', 'escalated'] as const) {
      expect(() => assertAcceptsEvidence(appeal(status), 19)).not.toThrow();
    }
    for (const status of ['decided', 'withdrawn'] as const) {
      expect(() => assertAcceptsEvidence(appeal(status), 0)).toThrow(
        expect.objectContaining({ code: 'invalid_transition', message: expect.stringContaining(status) }),
      );
    }
    expect(() => assertAcceptsEvidence(appeal('submitted'), 20)).toThrow(
      expect.objectContaining({ code: 'evidence_limit_reached' }),
    );
  });

  it('lets only staff set internal', () => {
    expect(() => assertMayMarkInternal('staff', true)).not.toThrow();
    expect(() => assertMayMarkInternal('appellant', undefined)).not.toThrow();
    expect(() => assertMayMarkInternal('appellant', false)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});
