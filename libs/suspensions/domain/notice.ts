import type { EventPayloads } from '@redress/kernel';
import type { Suspension } from './suspension';

/** The outbox payload of `suspension.noticed`: everything the notice templates need, frozen at the time of the event. */
export function suspensionNoticePayload(s: Suspension): EventPayloads['suspension.noticed'] {
  return {
    suspensionId: s.id,
    accountId: s.accountId,
    accountEmail: s.accountEmail,
    locale: s.locale,
    reasonCode: s.reasonCode,
    statementOfReasons: s.statementOfReasons,
    policyClause: s.policyClause,
    automatedDetection: s.automatedDetection,
    automatedDecision: s.automatedDecision,
    frozenBalance: s.frozenBalance,
    suspendedAt: s.suspendedAt.toISOString(),
    appealDeadline: s.appealDeadline.toISOString(),
    waveId: s.waveId,
  };
}
