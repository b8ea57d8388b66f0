/** Row shapes of PersonalDataQueries, as pg returns them (bigint as string, timestamptz as Date). */

export interface SuspensionRow {
  id: string;
  status: string;
  reason_code: string;
  policy_clause: string;
  statement_of_reasons: string;
  automated_detection: boolean;
  automated_decision: boolean;
  frozen_amount_minor: string;
  currency: string;
  locale: string;
  suspended_at: Date;
  notice_sent_at: Date | null;
  appeal_deadline: Date;
  lifted_at: Date | null;
  version: number;
  appealable: boolean;
}

export interface AppealRow {
  id: string;
  suspension_id: string;
  status: string;
  level: number;
  statement: string;
  requested_remedy: string;
  assigned: boolean;
  submitted_at: Date;
  info_due_at: Date | null;
  decision_due_at: Date;
  sla_breached: boolean;
  decision_outcome: string | null;
  decision_rationale: string | null;
  decided_at: Date | null;
  version: number;
}

export interface MessageRow {
  id: string;
  appeal_id: string;
  author_role: string;
  body: string;
  created_at: Date;
}

export interface EvidenceRow {
  id: string;
  appeal_id: string;
  submitted_by: string;
  file_name: string;
  content_type: string;
  size_bytes: string;
  sha256: string;
  description: string | null;
  created_at: Date;
}

export interface RefundRow {
  id: string;
  suspension_id: string;
  appeal_id: string | null;
  amount_minor: string;
  currency: string;
  status: string;
  provider_ref: string | null;
  created_at: Date;
  approved_at: Date | null;
  paid_at: Date | null;
  version: number;
}

export interface BalanceRow {
  book: string;
  currency: string;
  balance_minor: string;
}

export interface EntryRow {
  id: string;
  seq: string;
  kind: string;
  currency: string;
  suspension_id: string | null;
  refund_id: string | null;
  created_at: Date;
  legs: { book: string; accountId: string | null; amountMinor: string | number }[];
}

export interface NotificationRow {
  id: string;
  event_id: string;
  template: string;
  locale: string;
  subject: string | null;
  body: string | null;
  appeal_id: string | null;
  suspension_id: string | null;
  created_at: Date;
}
