import {
  can,
  sees,
  type Actor,
  type DetectorRef,
  type Locale,
  type Money,
  type ReasonCode,
} from '@redress/kernel';

export { LOCALES, REASON_CODES, type Locale, type ReasonCode } from '@redress/kernel';

export const SUSPENSION_STATUSES = ['active', 'lifted', 'upheld'] as const;
export type SuspensionStatus = (typeof SUSPENSION_STATUSES)[number];

/** The earliest suspendedAt and accountCreatedAt taken: an earlier one is a client's default (the epoch, year 0), not history. */
export const EARLIEST_SUSPENSION_DATE = '2000-01-01T00:00:00Z';

export interface Suspension {
  id: string;
  accountId: string;
  source: string;
  externalRef: string;
  status: SuspensionStatus;
  reasonCode: ReasonCode;
  policyClause: string;
  statementOfReasons: string;
  automatedDetection: boolean;
  automatedDecision: boolean;
  signals: Record<string, unknown>;
  /** The detector version that flagged the account: its own, else its wave's. */
  detector: DetectorRef | null;
  waveId: string | null;
  frozenBalance: Money;
  releasedMinor: number;
  accountEmail: string;
  locale: Locale;
  accountCreatedAt: Date | null;
  suspendedAt: Date;
  noticeSentAt: Date | null;
  appealDeadline: Date;
  liftedAt: Date | null;
  liftReason: string | null;
  createdAt: Date;
  version: number;
}

/** What an enforcement system sends to suspend one account. */
export interface NewSuspension {
  accountId: string;
  externalRef: string;
  reasonCode: ReasonCode;
  policyClause: string;
  statementOfReasons: string;
  automatedDetection: boolean;
  automatedDecision: boolean;
  signals?: Record<string, unknown>;
  detector?: DetectorRef;
  waveId?: string | null;
  frozenBalance?: Money;
  accountEmail: string;
  locale?: Locale;
  accountCreatedAt?: Date | null;
  suspendedAt?: Date;
}

export function isAppealable(s: Pick<Suspension, 'status' | 'appealDeadline'>, now: Date): boolean {
  return s.status === 'active' && now.getTime() < s.appealDeadline.getTime();
}

/**
 * Whether the actor may see the suspension, and so act on it as far as its roles allow: the kernel's
 * rule (`sees`: staff with 'suspension.read_any' every one, an appellant those of its account), and an
 * enforcement client those it sent (`source`).
 */
export const seesSuspension = (actor: Actor, s: Pick<Suspension, 'source' | 'accountId'>): boolean =>
  sees(actor, s, 'suspension.read_any') || (can(actor, 'suspension.read_sent') && s.source === actor.sub);
