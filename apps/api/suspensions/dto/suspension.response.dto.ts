import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  isAppealable,
  LOCALES,
  REASON_CODES,
  SUSPENSION_STATUSES,
  type Suspension,
} from '@redress/suspensions';
import { DetectorRefDto } from '../../common/detector-ref.dto';
import { MoneyDto, toMoneyDto } from '../../common/money.dto';
import { publicView, staffView } from '../../common/views';

/** What both views of a suspension show. */
class SuspensionFields {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() accountId: string;
  @ApiProperty({ enum: SUSPENSION_STATUSES }) status: string;
  @ApiProperty({ enum: REASON_CODES }) reasonCode: string;
  @ApiProperty() policyClause: string;
  @ApiProperty() statementOfReasons: string;
  @ApiProperty() automatedDetection: boolean;
  @ApiProperty() automatedDecision: boolean;
  @ApiProperty({ type: MoneyDto }) frozenBalance: MoneyDto;
  @ApiProperty({ enum: LOCALES }) locale: string;
  @ApiProperty({ format: 'date-time' }) suspendedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) noticeSentAt: string | null;
  @ApiProperty({ format: 'date-time' }) appealDeadline: string;
  @ApiProperty({ description: 'active and before appealDeadline' }) appealable: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) liftedAt: string | null;
  @ApiProperty() version: number;
}

/** What the account holder sees: reasons and remedies, never detector signals or internal data. */
export class SuspensionPublicResponse extends SuspensionFields {
  @ApiProperty(publicView) view: 'public';
}

export class SuspensionStaffResponse extends SuspensionFields {
  @ApiProperty(staffView) view: 'staff';
  @ApiProperty() externalRef: string;
  @ApiProperty({ description: 'The enforcement system that sent it' }) source: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) signals: Record<string, unknown>;
  @ApiProperty({
    type: DetectorRefDto,
    nullable: true,
    description: 'The detector version that flagged the account: its own, else its wave’s',
  })
  detector: DetectorRefDto | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) waveId: string | null;
  @ApiProperty() accountEmail: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) accountCreatedAt: string | null;
  @ApiProperty({ type: MoneyDto }) releasedBalance: MoneyDto;
  @ApiProperty({ type: String, nullable: true }) liftReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPublicSuspension(s: Suspension, now: Date): SuspensionPublicResponse {
  return {
    view: 'public',
    id: s.id,
    accountId: s.accountId,
    status: s.status,
    reasonCode: s.reasonCode,
    policyClause: s.policyClause,
    statementOfReasons: s.statementOfReasons,
    automatedDetection: s.automatedDetection,
    automatedDecision: s.automatedDecision,
    frozenBalance: toMoneyDto(s.frozenBalance),
    locale: s.locale,
    suspendedAt: s.suspendedAt.toISOString(),
    noticeSentAt: iso(s.noticeSentAt),
    appealDeadline: s.appealDeadline.toISOString(),
    appealable: isAppealable(s, now),
    liftedAt: iso(s.liftedAt),
    version: s.version,
  };
}

export function toStaffSuspension(s: Suspension, now: Date): SuspensionStaffResponse {
  return {
    ...toPublicSuspension(s, now),
    view: 'staff',
    externalRef: s.externalRef,
    source: s.source,
    signals: s.signals,
    detector: s.detector,
    waveId: s.waveId,
    accountEmail: s.accountEmail,
    accountCreatedAt: iso(s.accountCreatedAt),
    releasedBalance: { amountMinor: s.releasedMinor, currency: s.frozenBalance.currency },
    liftReason: s.liftReason,
    createdAt: s.createdAt.toISOString(),
  };
}
