import { can, DomainError, type Actor } from '@redress/kernel';
import { isOpenStatus, type AppealOwnership } from '@redress/appeals';
import { MAX_EVIDENCE_PER_APPEAL, type Evidence } from './evidence';

export type EvidenceAudience = 'staff' | 'appellant';

/** Staff see every appeal's evidence, internal items included; anyone else only their own, never internal. */
export const viewingAs = (actor: Actor): EvidenceAudience =>
  can(actor, 'appeal.read_any') ? 'staff' : 'appellant';

/** Admins read everything but do not add to a case; reviewers and appellants do. */
export const uploadingAs = (actor: Actor): EvidenceAudience =>
  can(actor, 'appeal.write_internal') ? 'staff' : 'appellant';

/** Someone else's appeal, or a sample case, is "not found" to an appellant, never "forbidden": its existence is not revealed. */
export function assertAppealVisible(
  appeal: AppealOwnership | null,
  actor: Actor,
  audience: EvidenceAudience,
): AppealOwnership {
  if (
    !appeal ||
    (audience === 'appellant' && (appeal.accountId !== actor.sub || appeal.origin === 'sample'))
  ) {
    throw DomainError.notFound('Appeal');
  }
  return appeal;
}

/** One item: staff see any; an appellant only the non-internal items of their own appeals. */
export function mayViewEvidence(actor: Actor, evidence: Evidence, appealAccountId: string): boolean {
  return viewingAs(actor) === 'staff' || (appealAccountId === actor.sub && !evidence.internal);
}

/** Checked before the bytes are received and again under the appeal's row lock. */
export function assertAcceptsEvidence(appeal: AppealOwnership, filesSoFar: number): void {
  if (!isOpenStatus(appeal.status)) {
    throw new DomainError(
      'invalid_transition',
      `Evidence can only be added while the appeal is open; this appeal is ${appeal.status}`,
    );
  }
  if (filesSoFar >= MAX_EVIDENCE_PER_APPEAL) {
    throw new DomainError(
      'evidence_limit_reached',
      `An appeal holds at most ${MAX_EVIDENCE_PER_APPEAL} files and this one is full`,
    );
  }
}

/** Internal evidence is a staff note; an appellant's upload is always visible to the appellant. */
export function assertMayMarkInternal(audience: EvidenceAudience, internal: boolean | undefined): void {
  if (internal !== undefined && audience !== 'staff') {
    throw new DomainError('validation_failed', 'Only staff may set internal', [
      { field: 'internal', message: 'only reviewers may mark evidence internal' },
    ]);
  }
}
