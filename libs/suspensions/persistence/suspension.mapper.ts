import type { Suspension } from '../domain/suspension';
import type { SuspensionEntity } from './suspension.entity';

export function toSuspension(e: SuspensionEntity): Suspension {
  return {
    id: e.id,
    accountId: e.accountId,
    source: e.source,
    externalRef: e.externalRef,
    status: e.status,
    reasonCode: e.reasonCode,
    policyClause: e.policyClause,
    statementOfReasons: e.statementOfReasons,
    automatedDetection: e.automatedDetection,
    automatedDecision: e.automatedDecision,
    signals: e.signals,
    waveId: e.waveId,
    frozenBalance: { amountMinor: e.frozenAmountMinor, currency: e.currency },
    releasedMinor: e.releasedAmountMinor,
    accountEmail: e.accountEmail,
    locale: e.locale,
    accountCreatedAt: e.accountCreatedAt,
    suspendedAt: e.suspendedAt,
    noticeSentAt: e.noticeSentAt,
    appealDeadline: e.appealDeadline,
    liftedAt: e.liftedAt,
    liftReason: e.liftReason,
    createdAt: e.createdAt,
    version: e.version,
  };
}

/**
 * The columns of a suspension as the hot paths read them with plain SQL (lock, find, update …
 * RETURNING): building the same SELECT through the query builder on every call cost more than the
 * query itself. Aliased to the entity's property names, so one mapper serves both.
 */
export const SUSPENSION_COLUMNS = `s.id, s.account_id AS "accountId", s.source, s.external_ref AS "externalRef", s.status,
  s.reason_code AS "reasonCode", s.policy_clause AS "policyClause", s.statement_of_reasons AS "statementOfReasons",
  s.automated_detection AS "automatedDetection", s.automated_decision AS "automatedDecision", s.signals,
  s.wave_id AS "waveId", s.frozen_amount_minor AS "frozenAmountMinor", s.released_amount_minor AS "releasedAmountMinor",
  s.currency, s.account_email AS "accountEmail", s.locale, s.account_created_at AS "accountCreatedAt",
  s.suspended_at AS "suspendedAt", s.notice_sent_at AS "noticeSentAt", s.appeal_deadline AS "appealDeadline",
  s.lifted_at AS "liftedAt", s.lift_reason AS "liftReason", s.created_at AS "createdAt", s.version`;

/** A row read with SUSPENSION_COLUMNS: the entity's shape, with pg's strings for the bigint money columns. */
export type SuspensionRow = Omit<
  SuspensionEntity,
  'frozenAmountMinor' | 'releasedAmountMinor' | 'payloadHash'
> & {
  frozenAmountMinor: string;
  releasedAmountMinor: string;
};

export function rowToSuspension(r: SuspensionRow): Suspension {
  return toSuspension({
    ...r,
    frozenAmountMinor: Number(r.frozenAmountMinor),
    releasedAmountMinor: Number(r.releasedAmountMinor),
    payloadHash: '',
  });
}
