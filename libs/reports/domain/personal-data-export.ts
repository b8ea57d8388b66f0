/**
 * Everything Redress holds about one account, as served by `GET /v1/me/export` (keys camelCase,
 * times ISO strings, money `{ amountMinor, currency }`). Each item is the appellant's own view of
 * it: no detector signals, no internal notes or evidence, no staff identities, no storage locations.
 */
export interface PersonalDataExport {
  accountId: string;
  generatedAt: string;
  /** Items per section at most; a section that had more lists its newest items and is named in `truncated`. */
  sectionLimit: number;
  truncated: ExportSection[];
  suspensions: ExportedSuspension[];
  appeals: ExportedAppeal[];
  messages: ExportedMessage[];
  evidence: ExportedEvidence[];
  refunds: ExportedRefund[];
  ledger: { balances: ExportedBookBalance[]; entries: ExportedLedgerEntry[] };
  notifications: ExportedNotification[];
}

export const EXPORT_SECTIONS = [
  'suspensions',
  'appeals',
  'messages',
  'evidence',
  'refunds',
  'ledgerEntries',
  'notifications',
] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

/**
 * Per section, newest first. An account holds a handful of each in practice; the bound keeps a
 * pathological account's document to a few MB (message and notice bodies are ≤ 5,000 chars).
 */
export const EXPORT_SECTION_LIMIT = 1000;

export interface ExportedMoney {
  amountMinor: number;
  currency: string;
}

export interface ExportedSuspension {
  id: string;
  status: string;
  reasonCode: string;
  policyClause: string;
  statementOfReasons: string;
  automatedDetection: boolean;
  automatedDecision: boolean;
  frozenBalance: ExportedMoney;
  locale: string;
  suspendedAt: string;
  noticeSentAt: string | null;
  appealDeadline: string;
  appealable: boolean;
  liftedAt: string | null;
  version: number;
}

export interface ExportedAppeal {
  id: string;
  suspensionId: string;
  status: string;
  level: number;
  statement: string;
  requestedRemedy: string;
  /** Whether a reviewer is working on it, never who. */
  assigned: boolean;
  submittedAt: string;
  infoDueAt: string | null;
  decisionDueAt: string;
  slaBreached: boolean;
  decision: { outcome: string; rationale: string; decidedAt: string } | null;
  version: number;
}

export interface ExportedMessage {
  id: string;
  appealId: string;
  authorRole: string;
  body: string;
  createdAt: string;
}

export interface ExportedEvidence {
  id: string;
  appealId: string;
  submittedBy: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  description: string | null;
  createdAt: string;
}

export interface ExportedRefund {
  id: string;
  suspensionId: string;
  appealId: string | null;
  amount: ExportedMoney;
  status: string;
  providerRef: string | null;
  createdAt: string;
  approvedAt: string | null;
  paidAt: string | null;
  version: number;
}

export interface ExportedBookBalance {
  book: string;
  currency: string;
  amountMinor: number;
}

export interface ExportedLedgerEntry {
  id: string;
  seq: number;
  kind: string;
  currency: string;
  suspensionId: string | null;
  refundId: string | null;
  createdAt: string;
  /** The account's own legs and the system books' legs; `accountId` null for a system book. */
  legs: { book: string; accountId: string | null; amountMinor: number }[];
}

export interface ExportedNotification {
  id: string;
  eventId: string;
  template: string;
  locale: string;
  subject: string | null;
  body: string | null;
  appealId: string | null;
  suspensionId: string | null;
  createdAt: string;
}
