import { ApiPropertyOptional } from '@nestjs/swagger';
import { TrimmedText } from '@redress/http';
import { MAX_EVIDENCE_DESCRIPTION } from '@redress/evidence';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';

// Multipart fields arrive as text: "true"/"false" become booleans, anything else fails @IsBoolean.
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The text fields of the multipart upload, wherever they come in the form. */
export class UploadEvidenceRequest {
  @ApiPropertyOptional({
    maxLength: MAX_EVIDENCE_DESCRIPTION,
    example: 'Invoice showing the prepaid balance',
  })
  @IsOptional()
  @TrimmedText(0, MAX_EVIDENCE_DESCRIPTION)
  // multipart fields bypass the JSON input guard; PostgreSQL text cannot hold NUL
  @Matches(/^[^\u0000]*$/, { message: 'description must not contain NUL characters' })
  description?: string;

  @ApiPropertyOptional({ description: 'Staff only (reviewer, senior_reviewer): hidden from the appellant' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  internal?: boolean;
}
