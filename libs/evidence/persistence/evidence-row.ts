import type { Evidence, EvidenceContentType, EvidenceSubmitter } from '../domain/evidence';

/** The evidence table's columns, as node-postgres returns them. */
export interface EvidenceRow {
  id: string;
  appeal_id: string;
  submitted_by: string;
  submitted_by_sub: string;
  file_name: string;
  content_type: string;
  size_bytes: string; // bigint
  sha256: string;
  description: string | null;
  internal: boolean;
  created_at: Date;
}

export const EVIDENCE_COLUMNS =
  'e.id, e.appeal_id, e.submitted_by, e.submitted_by_sub, e.file_name, e.content_type, e.size_bytes, e.sha256, e.description, e.internal, e.created_at';

export function toEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    appealId: row.appeal_id,
    submittedBy: row.submitted_by as EvidenceSubmitter,
    submittedBySub: row.submitted_by_sub,
    fileName: row.file_name,
    contentType: row.content_type as EvidenceContentType,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    description: row.description,
    internal: row.internal,
    createdAt: row.created_at,
  };
}
