/** Evidence: what may be stored. The migration's CHECK constraint mirrors this list. */
export const EVIDENCE_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/json',
] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

export const EVIDENCE_SUBMITTERS = ['appellant', 'staff', 'system'] as const;
export type EvidenceSubmitter = (typeof EVIDENCE_SUBMITTERS)[number];

export const MAX_EVIDENCE_PER_APPEAL = 20;
export const MAX_EVIDENCE_DESCRIPTION = 1000;

export interface Evidence {
  id: string;
  appealId: string;
  submittedBy: EvidenceSubmitter;
  /** Who uploaded it (the JWT `sub`); staff-only, like every reviewer identity. */
  submittedBySub: string;
  fileName: string;
  contentType: EvidenceContentType;
  sizeBytes: number;
  sha256: string;
  description: string | null;
  internal: boolean;
  createdAt: Date;
}
