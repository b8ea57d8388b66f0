import type { Suspension } from '../domain/suspension';

/** A suspension's columns, aliased to the domain's property names (the money as pg's strings). */
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
  ['detector_name', 'detectorName'],
  ['detector_version', 'detectorVersion'],
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

/** A row read with SUSPENSION_COLUMNS: one property per column, bigint money as pg's strings. */
export type SuspensionRow = Omit<Suspension, 'frozenBalance' | 'releasedMinor' | 'detector'> & {
  detectorName: string | null;
  detectorVersion: string | null;
  frozenAmountMinor: string;
  releasedAmountMinor: string;
  currency: string;
};

export function rowToSuspension(r: SuspensionRow): Suspension {
  return {
    id: r.id,
    accountId: r.accountId,
    source: r.source,
    externalRef: r.externalRef,
    status: r.status,
    reasonCode: r.reasonCode,
    policyClause: r.policyClause,
    statementOfReasons: r.statementOfReasons,
    automatedDetection: r.automatedDetection,
    automatedDecision: r.automatedDecision,
    signals: r.signals,
    detector:
      r.detectorName !== null && r.detectorVersion !== null
        ? { name: r.detectorName, version: r.detectorVersion }
        : null,
    waveId: r.waveId,
    frozenBalance: { amountMinor: Number(r.frozenAmountMinor), currency: r.currency },
    releasedMinor: Number(r.releasedAmountMinor),
    accountEmail: r.accountEmail,
    locale: r.locale,
    accountCreatedAt: r.accountCreatedAt,
    suspendedAt: r.suspendedAt,
    noticeSentAt: r.noticeSentAt,
    appealDeadline: r.appealDeadline,
    liftedAt: r.liftedAt,
    liftReason: r.liftReason,
    createdAt: r.createdAt,
    version: r.version,
  };
}

export function prefixedRowToSuspension(row: Record<string, unknown>, prefix: string): Suspension {
  return rowToSuspension(
    Object.fromEntries(FIELDS.map(([, property]) => [property, row[prefix + property]])) as SuspensionRow,
  );
}
