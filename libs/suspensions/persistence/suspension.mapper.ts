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
