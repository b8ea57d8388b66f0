import { ApiProperty } from '@nestjs/swagger';
import { APPEAL_STATUSES, DECISION_OUTCOMES, REQUESTED_REMEDIES } from '@redress/appeals';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_SUBMITTERS } from '@redress/evidence';
import { BOOKS, LEDGER_ENTRY_KINDS } from '@redress/ledger';
import { REFUND_STATUSES } from '@redress/refunds';
import {
  EXPORT_SECTION_LIMIT,
  EXPORT_SECTIONS,
  type ExportSection,
  type ExportedAppeal,
  type ExportedBookBalance,
  type ExportedEvidence,
  type ExportedLedgerEntry,
  type ExportedMessage,
  type ExportedNotification,
  type ExportedRefund,
  type ExportedSuspension,
  type PersonalDataExport,
} from '@redress/reports';
import { LOCALES, REASON_CODES, SUSPENSION_STATUSES } from '@redress/suspensions';
import { MoneyDto } from '../../common/money.dto';

const TIME = { format: 'date-time' } as const;
const TIME_OR_NULL = { type: String, format: 'date-time', nullable: true } as const;
const ID_OR_NULL = { type: String, format: 'uuid', nullable: true } as const;
const TEXT_OR_NULL = { type: String, nullable: true } as const;

/** The public view of a suspension: never detector signals, e-mail or enforcement references. */
export class ExportedSuspensionResponse implements ExportedSuspension {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUSPENSION_STATUSES }) status: string;
  @ApiProperty({ enum: REASON_CODES }) reasonCode: string;
  @ApiProperty() policyClause: string;
  @ApiProperty() statementOfReasons: string;
  @ApiProperty() automatedDetection: boolean;
  @ApiProperty() automatedDecision: boolean;
  @ApiProperty({ type: MoneyDto }) frozenBalance: MoneyDto;
  @ApiProperty({ enum: LOCALES }) locale: string;
  @ApiProperty(TIME) suspendedAt: string;
  @ApiProperty(TIME_OR_NULL) noticeSentAt: string | null;
  @ApiProperty(TIME) appealDeadline: string;
  @ApiProperty({ description: 'active and before appealDeadline, at generatedAt' }) appealable: boolean;
  @ApiProperty(TIME_OR_NULL) liftedAt: string | null;
  @ApiProperty() version: number;
}

export class ExportedDecisionResponse {
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome: string;
  @ApiProperty() rationale: string;
  @ApiProperty(TIME) decidedAt: string;
}

/** The appellant's view of an appeal: whether someone works on it, never who; no reviewer ids. */
export class ExportedAppealResponse implements ExportedAppeal {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) suspensionId: string;
  @ApiProperty({ enum: APPEAL_STATUSES }) status: string;
  @ApiProperty({ enum: [1, 2] }) level: number;
  @ApiProperty() statement: string;
  @ApiProperty({ enum: REQUESTED_REMEDIES }) requestedRemedy: string;
  @ApiProperty() assigned: boolean;
  @ApiProperty(TIME) submittedAt: string;
  @ApiProperty(TIME_OR_NULL) infoDueAt: string | null;
  @ApiProperty(TIME) decisionDueAt: string;
  @ApiProperty() slaBreached: boolean;
  @ApiProperty({ type: ExportedDecisionResponse, nullable: true }) decision: ExportedDecisionResponse | null;
  @ApiProperty() version: number;
}

/** A message of the appeal thread; internal notes are not part of it, nor any author id. */
export class ExportedMessageResponse implements ExportedMessage {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) appealId: string;
  @ApiProperty({ enum: ['appellant', 'reviewer', 'senior_reviewer', 'system'] }) authorRole: string;
  @ApiProperty() body: string;
  @ApiProperty(TIME) createdAt: string;
}

/** Evidence metadata (non-internal files only); the content is downloaded from /v1/evidence/:id/content. */
export class ExportedEvidenceResponse implements ExportedEvidence {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) appealId: string;
  @ApiProperty({ enum: EVIDENCE_SUBMITTERS }) submittedBy: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: EVIDENCE_CONTENT_TYPES }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({
    pattern: '^[0-9a-f]{64}$',
    example: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881',
    description: 'SHA-256 of the content, to check a download',
  })
  sha256: string;
  @ApiProperty(TEXT_OR_NULL) description: string | null;
  @ApiProperty(TIME) createdAt: string;
}

/** A refund without who proposed, approved or rejected it. */
export class ExportedRefundResponse implements ExportedRefund {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) suspensionId: string;
  @ApiProperty(ID_OR_NULL) appealId: string | null;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ enum: REFUND_STATUSES }) status: string;
  @ApiProperty({ ...TEXT_OR_NULL, description: 'The payment’s reference once paid' }) providerRef:
    string | null;
  @ApiProperty(TIME) createdAt: string;
  @ApiProperty(TIME_OR_NULL) approvedAt: string | null;
  @ApiProperty(TIME_OR_NULL) paidAt: string | null;
  @ApiProperty() version: number;
}

export class ExportedBookBalanceResponse implements ExportedBookBalance {
  @ApiProperty({ enum: ['customer_frozen', 'refund_payable'] }) book: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty() amountMinor: number;
}

export class ExportedLedgerLegResponse {
  @ApiProperty({ enum: BOOKS }) book: string;
  @ApiProperty({ ...TEXT_OR_NULL, description: 'The caller’s account, or null for a system book' })
  accountId: string | null;
  @ApiProperty({ description: 'Minor units the book gains (negative: money leaves it)' }) amountMinor: number;
}

export class ExportedLedgerEntryResponse implements ExportedLedgerEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: LEDGER_ENTRY_KINDS }) kind: string;
  @ApiProperty() currency: string;
  @ApiProperty(ID_OR_NULL) suspensionId: string | null;
  @ApiProperty(ID_OR_NULL) refundId: string | null;
  @ApiProperty(TIME) createdAt: string;
  @ApiProperty({ type: [ExportedLedgerLegResponse] }) legs: ExportedLedgerLegResponse[];
}

export class ExportedLedgerResponse {
  @ApiProperty({ type: [ExportedBookBalanceResponse], description: 'The account’s books now' })
  balances: ExportedBookBalanceResponse[];
  @ApiProperty({ type: [ExportedLedgerEntryResponse], description: 'Entries touching the account’s books' })
  entries: ExportedLedgerEntryResponse[];
}

/** A notice from the in-app inbox. */
export class ExportedNotificationResponse implements ExportedNotification {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'suspension.noticed' }) template: string;
  @ApiProperty({ enum: LOCALES }) locale: string;
  @ApiProperty(TEXT_OR_NULL) subject: string | null;
  @ApiProperty(TEXT_OR_NULL) body: string | null;
  @ApiProperty(ID_OR_NULL) appealId: string | null;
  @ApiProperty(ID_OR_NULL) suspensionId: string | null;
  @ApiProperty(TIME) createdAt: string;
}

export class PersonalDataExportResponse implements PersonalDataExport {
  @ApiProperty({ description: 'The caller (`sub`)' }) accountId: string;
  @ApiProperty(TIME) generatedAt: string;
  @ApiProperty({ example: EXPORT_SECTION_LIMIT, description: 'Items per section at most, newest first' })
  sectionLimit: number;
  @ApiProperty({
    enum: EXPORT_SECTIONS,
    isArray: true,
    description: 'Sections that held more than sectionLimit items and were cut (usually empty)',
  })
  truncated: ExportSection[];
  @ApiProperty({ type: [ExportedSuspensionResponse] }) suspensions: ExportedSuspensionResponse[];
  @ApiProperty({ type: [ExportedAppealResponse] }) appeals: ExportedAppealResponse[];
  @ApiProperty({ type: [ExportedMessageResponse] }) messages: ExportedMessageResponse[];
  @ApiProperty({ type: [ExportedEvidenceResponse] }) evidence: ExportedEvidenceResponse[];
  @ApiProperty({ type: [ExportedRefundResponse] }) refunds: ExportedRefundResponse[];
  @ApiProperty({ type: ExportedLedgerResponse }) ledger: ExportedLedgerResponse;
  @ApiProperty({ type: [ExportedNotificationResponse] }) notifications: ExportedNotificationResponse[];
}
