/** The parts of the API's responses the console reads (see /docs-json for the full schemas). */
import type { AppealLevel, AppealStatus } from '@libs/appeals/domain/appeal-state-machine';
import type { Role } from '@redress/kernel';

export interface Money {
  amountMinor: number;
  currency: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type Outcome = 'upheld' | 'overturned' | 'modified';
export const OUTCOMES: readonly Outcome[] = ['upheld', 'overturned', 'modified'];

export const REASON_CODES = [
  'model_distillation',
  'automated_extraction',
  'tos_rival_training',
  'region_restriction',
  'account_sharing',
  'payment_fraud',
  'spam',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

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

export interface WaveStatistics {
  suspensions: number;
  appealsFiled: number;
  appealsOpen: number;
  appealsDecided: number;
  overturned: number;
  overturnRate: number;
  refundsPaid: { currency: string; count: number; amountMinor: number }[];
}

export interface Wave {
  id: string;
  name: string;
  detector: string;
  description: string | null;
  createdAt: string;
  statistics: WaveStatistics;
  flagged: boolean;
}

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

export interface Refund {
  id: string;
  suspensionId: string;
  appealId: string | null;
  accountId: string;
  amount: Money;
  status: RefundStatus;
  reason: string;
  proposedBy: string;
  approvedBy: string | null;
  rejectedBy: string | null;
  rejectionReason: string | null;
  failureReason: string | null;
  providerRef: string | null;
  createdAt: string;
  approvedAt: string | null;
  paidAt: string | null;
  version: number;
}

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

export interface TransparencyReport {
  period: { from: string; to: string };
  generatedAt: string;
  appealsReceived: { total: number; byReasonCode: Record<string, number> };
  decisions: {
    total: number;
    byOutcome: Record<string, number>;
    reversalRate: number | null;
    medianHoursToDecision: number | null;
    p90HoursToDecision: number | null;
  };
  slaBreaches: number;
  suspensions: {
    total: number;
    automatedDetections: number;
    automatedDecisions: number;
    automatedDetectionShare: number | null;
    automatedDecisionShare: number | null;
  };
  refundsPaid: { count: number; byCurrency: { currency: string; count: number; amount: Money }[] };
  waves: {
    waveId: string;
    name: string;
    suspensions: number;
    appeals: number;
    decided: number;
    overturned: number;
    overturnRate: number | null;
  }[];
}
