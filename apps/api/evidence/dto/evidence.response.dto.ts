import { ApiProperty } from '@nestjs/swagger';
import {
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_SUBMITTERS,
  type Evidence,
  type EvidenceAudience,
} from '@redress/evidence';
import { publicView, staffView } from '../../common/views';

/** What both views of an evidence item show. */
class EvidenceFields {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) appealId: string;
  @ApiProperty({ enum: EVIDENCE_SUBMITTERS }) submittedBy: string;
  @ApiProperty({ example: 'bank-statement.pdf', description: 'Sanitised; the extension matches contentType' })
  fileName: string;
  @ApiProperty({ enum: EVIDENCE_CONTENT_TYPES, description: 'Detected from the bytes' }) contentType: string;
  @ApiProperty({ example: 48213 }) sizeBytes: number;
  @ApiProperty({
    pattern: '^[0-9a-f]{64}$',
    example: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881',
    description: 'SHA-256 of the content, hex',
  })
  sha256: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ description: 'Staff-only evidence; appellants never see internal items' }) internal: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** What the appellant sees of an evidence item: metadata, never who on the staff uploaded it. */
export class EvidenceResponse extends EvidenceFields {
  @ApiProperty(publicView) view: 'public';
}

export class EvidenceStaffResponse extends EvidenceFields {
  @ApiProperty(staffView) view: 'staff';
  @ApiProperty({ description: 'The uploader’s `sub`' }) submittedBySub: string;
}

export function toEvidenceResponse(
  e: Evidence,
  audience: EvidenceAudience,
): EvidenceResponse | EvidenceStaffResponse {
  const view: Omit<EvidenceResponse, 'view'> = {
    id: e.id,
    appealId: e.appealId,
    submittedBy: e.submittedBy,
    fileName: e.fileName,
    contentType: e.contentType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    description: e.description,
    internal: e.internal,
    createdAt: e.createdAt.toISOString(),
  };
  return audience === 'staff'
    ? { view: 'staff', ...view, submittedBySub: e.submittedBySub }
    : { view: 'public', ...view };
}
