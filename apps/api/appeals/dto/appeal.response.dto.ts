import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPEAL_ORIGINS,
  APPEAL_STATUSES,
  DECISION_OUTCOMES,
  REQUESTED_REMEDIES,
  type Appeal,
  type AppealMessage,
  type QueuedAppeal,
} from '@redress/appeals';
import { LOCALES } from '@redress/kernel';
import { MoneyDto } from '../../common/money.dto';
import { publicView, staffView } from '../../common/views';

export class AppellantDecisionResponse {
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome: string;
  @ApiProperty() rationale: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class StaffDecisionResponse extends AppellantDecisionResponse {
  @ApiProperty() decidedBy: string;
}

/** What both views of an appeal show. */
class AppealFields {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) suspensionId: string;
  @ApiProperty() accountId: string;
  @ApiProperty({ enum: APPEAL_STATUSES }) status: string;
  @ApiProperty({ enum: [1, 2] }) level: number;
  @ApiProperty() statement: string;
  @ApiProperty({ enum: REQUESTED_REMEDIES }) requestedRemedy: string;
  @ApiProperty({ description: 'Whether a reviewer is working on it (never who)' }) assigned: boolean;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) infoDueAt: string | null;
  @ApiProperty({ format: 'date-time' }) decisionDueAt: string;
  @ApiProperty() slaBreached: boolean;
  @ApiProperty() version: number;
}

/** The appellant's view: no reviewer identities, no triage internals. */
export class AppellantAppealResponse extends AppealFields {
  @ApiProperty(publicView) view: 'public';
  @ApiProperty({ type: AppellantDecisionResponse, nullable: true })
  decision: AppellantDecisionResponse | null;
}

export class StaffAppealResponse extends AppealFields {
  @ApiProperty(staffView) view: 'staff';
  @ApiProperty({
    enum: APPEAL_ORIGINS,
    description:
      '`appellant`: filed by the person; `sample`: a review case opened by a sampled review of the detector (no notice to the person unless it is overturned)',
  })
  origin: string;
  @ApiProperty({ type: String, nullable: true }) assigneeId: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) priority: number;
  @ApiProperty() reasonCode: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) waveId: string | null;
  @ApiProperty({ type: StaffDecisionResponse, nullable: true })
  decision: StaffDecisionResponse | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAppellantAppeal(a: Appeal): AppellantAppealResponse {
  return {
    view: 'public',
    id: a.id,
    suspensionId: a.suspensionId,
    accountId: a.accountId,
    status: a.status,
    level: a.level,
    statement: a.statement,
    requestedRemedy: a.requestedRemedy,
    assigned: a.assigneeId !== null,
    submittedAt: a.submittedAt.toISOString(),
    infoDueAt: iso(a.infoDueAt),
    decisionDueAt: a.decisionDueAt.toISOString(),
    slaBreached: a.slaBreached,
    decision: a.decision
      ? {
          outcome: a.decision.outcome,
          rationale: a.decision.rationale,
          decidedAt: a.decision.decidedAt.toISOString(),
        }
      : null,
    version: a.version,
  };
}

export function toStaffAppeal(a: Appeal): StaffAppealResponse {
  return {
    ...toAppellantAppeal(a),
    view: 'staff',
    origin: a.origin,
    assigneeId: a.assigneeId,
    priority: a.priority,
    reasonCode: a.reasonCode,
    waveId: a.waveId,
    decision: a.decision ? { ...a.decision, decidedAt: a.decision.decidedAt.toISOString() } : null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** A row of the review queue: the staff view with what triage reads of the suspension. */
export class QueuedAppealResponse extends StaffAppealResponse {
  @ApiProperty({ enum: LOCALES, description: 'The appellant’s language (the suspension’s locale)' })
  locale: string;
  @ApiProperty({ type: MoneyDto, description: 'The suspension’s frozen balance' }) frozenBalance: MoneyDto;
}

export const toQueuedAppeal = (a: QueuedAppeal): QueuedAppealResponse => ({
  ...toStaffAppeal(a),
  locale: a.locale,
  frozenBalance: a.frozenBalance,
});

export class MessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) appealId: string;
  @ApiProperty({ enum: ['appellant', 'reviewer', 'senior_reviewer', 'system'] }) authorRole: string;
  @ApiPropertyOptional({ description: 'Staff views only' }) authorId?: string;
  @ApiProperty() body: string;
  @ApiProperty() internal: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toMessageResponse(m: AppealMessage, staffView: boolean): MessageResponse {
  const { authorId, ...rest } = m;
  return {
    ...rest,
    ...(staffView || m.authorRole === 'appellant' ? { authorId } : {}),
    createdAt: m.createdAt.toISOString(),
  };
}
