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
const FIELDS = [
  ['id', 'id'],
  ['account_id', 'accountId'],
  ['source', 'source'],
  ['external_ref', 'externalRef'],
  ['status', 'status'],
  ['reason_code', 'reasonCode'],
  ['policy_clause', 'policyClause'],
  ['statement_of_reasons', 'statementOfReasons'],
  ['automated_detection', 'automatedDetection'],
  ['automated_decision', 'automatedDecision'],
  ['signals', 'signals'],
  ['wave_id', 'waveId'],
  ['frozen_amount_minor', 'frozenAmountMinor'],
  ['released_amount_minor', 'releasedAmountMinor'],
  ['currency', 'currency'],
  ['account_email', 'accountEmail'],
  ['locale', 'locale'],
  ['account_created_at', 'accountCreatedAt'],
  ['suspended_at', 'suspendedAt'],
  ['notice_sent_at', 'noticeSentAt'],
  ['appeal_deadline', 'appealDeadline'],
  ['lifted_at', 'liftedAt'],
  ['lift_reason', 'liftReason'],
  ['created_at', 'createdAt'],
  ['version', 'version'],
] as const;

/**
 * Table alias `s`. A `prefix` on the names keeps them apart from another entity's columns in the same
 * row (an appeal read together with its suspension); read such a row back with `prefixedRowToSuspension`.
 */
export function suspensionColumns(prefix = ''): string {
  return FIELDS.map(([column, property]) => `s.${column} AS "${prefix}${property}"`).join(', ');
}

export const SUSPENSION_COLUMNS = suspensionColumns();

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

export function prefixedRowToSuspension(row: Record<string, unknown>, prefix: string): Suspension {
  return rowToSuspension(
    Object.fromEntries(FIELDS.map(([, property]) => [property, row[prefix + property]])) as SuspensionRow,
  );
}
