/** The parts of the API's responses the console reads (see /docs-json for the full schemas). */
import type { AppealLevel, AppealStatus } from '@libs/appeals/domain/appeal-state-machine';
import type { Refund as DomainRefund } from '@libs/refunds/domain/refund';
import { REASON_CODES, type ReasonCode } from '@libs/suspensions/domain/suspension';
import type { Wave as DomainWave } from '@libs/suspensions/domain/wave';
import type { Money, Role } from '@redress/kernel';

/** A domain type as JSON carries it: Dates as ISO strings. */
type Serialized<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export type { Money };

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type Outcome = 'upheld' | 'overturned' | 'modified';
export const OUTCOMES: readonly Outcome[] = ['upheld', 'overturned', 'modified'];

export { REASON_CODES, type ReasonCode };

export interface StaffAppeal {
  id: string;
  suspensionId: string;
  accountId: string;
  status: AppealStatus;
  level: AppealLevel;
  statement: string;
  requestedRemedy: 'reinstate' | 'refund_only' | 'reinstate_or_refund';
  assigned: boolean;
  assigneeId: string | null;
  submittedAt: string;
  infoDueAt: string | null;
  decisionDueAt: string;
  slaBreached: boolean;
  priority: number;
  reasonCode: ReasonCode;
  waveId: string | null;
  decision?: { outcome: Outcome; rationale: string; decidedAt: string; decidedBy: string } | null;
  version: number;
  updatedAt: string;
}

export interface StaffSuspension {
  id: string;
  accountId: string;
  externalRef: string;
  status: 'active' | 'lifted' | 'upheld';
  reasonCode: ReasonCode;
  policyClause: string;
  statementOfReasons: string;
  automatedDetection: boolean;
  automatedDecision: boolean;
  signals: Record<string, unknown>;
  waveId: string | null;
  frozenBalance: Money;
  releasedBalance: Money;
  locale: 'en' | 'zh-CN';
  suspendedAt: string;
  appealDeadline: string;
  liftedAt: string | null;
  liftReason: string | null;
  version: number;
}

export type StatementOfReasons = Record<string, unknown> & { puid: string };

export interface Message {
  id: string;
  appealId: string;
  authorRole: 'appellant' | 'reviewer' | 'senior_reviewer' | 'system';
  authorId?: string;
  body: string;
  internal: boolean;
  createdAt: string;
}

export interface Evidence {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  description: string | null;
  internal: boolean;
  submittedBy: 'appellant' | 'staff' | 'system';
  createdAt: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: { sub: string; roles: Role[] };
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

export type { WaveStatistics } from '@libs/suspensions/domain/wave';
export type Wave = Serialized<DomainWave>;

export interface Job {
  id: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  processed: number;
  total: number;
  failed: number;
  createdAt: string;
  finishedAt: string | null;
}

export const REFUND_STATUSES = ['proposed', 'approved', 'processing', 'paid', 'rejected', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export type Refund = Serialized<DomainRefund>;

export type Book = 'customer_frozen' | 'refund_payable' | 'platform_balance' | 'paid_out';

export interface Ledger {
  accountId: string | null;
  balances: { book: Book; accountId: string | null; currency: string; amountMinor: number }[];
  data: {
    id: string;
    seq: number;
    kind: 'freeze' | 'release' | 'refund_approved' | 'refund_paid';
    currency: string;
    suspensionId: string | null;
    refundId: string | null;
    createdAt: string;
    legs: { book: Book; accountId: string | null; amountMinor: number }[];
  }[];
  nextCursor: string | null;
}

export type { TransparencyReport } from '@libs/reports/domain/transparency-report';
