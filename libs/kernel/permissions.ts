import { DomainError } from './domain-error';
import { hasRole, type Actor, type Role } from './roles';

/**
 * Who may do what: each action a caller takes, and the roles that may take it (any one of them).
 * The routes (`@Allow` in libs/auth), the use cases and the console all read this table; the
 * appeal state machine (libs/appeals) adds, per transition, the caller's relation to the appeal and
 * its level. An entry's roles are listed in the order the 403 problem names them.
 */
export const PERMISSIONS = {
  // the caller
  /** GET /v1/session: one's own subject and roles, as the API maps them from the token */
  'session.read': ['appellant', 'reviewer', 'senior_reviewer', 'finance', 'enforcement', 'admin'],

  // suspensions
  /** POST /v1/suspensions and /batch */
  'suspension.create': ['enforcement', 'admin'],
  /** POST /v1/suspensions/:id/lift; the lift decides the suspension's open appeal */
  'suspension.lift': ['enforcement', 'admin'],
  /** GET /v1/suspensions/:id, then as far as `seesSuspension` allows */
  'suspension.read': ['appellant', 'reviewer', 'senior_reviewer', 'finance', 'enforcement', 'admin'],
  /** see every suspension, not only one's own */
  'suspension.read_any': ['reviewer', 'senior_reviewer', 'finance', 'admin'],
  /** see the suspensions one sent (`source` = one's sub) */
  'suspension.read_sent': ['enforcement'],
  /** the staff view of a suspension (detector signals, source, wave) instead of the public one */
  'suspension.read_staff_view': ['reviewer', 'senior_reviewer', 'finance', 'enforcement', 'admin'],
  /** GET /v1/suspensions/:id/statement-of-reasons, /statements-of-reasons */
  'suspension.read_statement': ['admin', 'enforcement'],
  /** GET /v1/dsa/submissions, GET /v1/dsa/statements.ndjson */
  'dsa.read': ['admin'],
  /** POST /v1/dsa/submissions/:id/retry */
  'dsa.retry': ['admin'],

  // ban waves and bulk jobs
  /** POST /v1/waves */
  'wave.create': ['enforcement', 'admin'],
  /** GET /v1/waves, /v1/waves/:id */
  'wave.read': ['enforcement', 'reviewer', 'senior_reviewer', 'finance', 'admin'],
  /** POST /v1/waves/:id/bulk-decision: decide every open appeal of a wave, whoever holds it */
  'wave.decide': ['senior_reviewer'],
  /** GET /v1/jobs/:id */
  'job.read': ['senior_reviewer', 'admin'],

  // detectors
  /** GET /v1/detectors, /v1/detectors/:name: error estimates per detector version */
  'detector.read': ['senior_reviewer', 'admin'],
  /** POST /v1/detectors/:name/samples: open review cases for a random sample of people who never appealed */
  'detector.sample': ['senior_reviewer'],

  // the appellant's own records
  /** GET /v1/me/*: one's own suspensions, appeals, refunds, notifications and personal-data export */
  'own.read': ['appellant'],
  /** POST /v1/appeals */
  'appeal.file': ['appellant'],
  /** POST /v1/appeals/:id/withdraw */
  'appeal.withdraw': ['appellant'],

  // appeals
  /** GET /v1/appeals/:id, its messages and evidence: an appellant their own, `appeal.read_any` all */
  'appeal.read': ['appellant', 'reviewer', 'senior_reviewer', 'admin'],
  /** see every appeal, in the staff view (triage data, identities, internal notes and evidence) */
  'appeal.read_any': ['reviewer', 'senior_reviewer', 'admin'],
  /** POST /v1/appeals/:id/messages */
  'appeal.message': ['appellant', 'reviewer', 'senior_reviewer'],
  /** POST /v1/appeals/:id/evidence */
  'evidence.add': ['appellant', 'reviewer', 'senior_reviewer'],
  /** write on a case as staff: internal notes and internal evidence */
  'appeal.write_internal': ['reviewer', 'senior_reviewer'],
  /** GET /v1/appeals/:id/history */
  'appeal.read_history': ['reviewer', 'senior_reviewer', 'admin'],
  /** GET /v1/appeals/:id/notifications */
  'appeal.read_notifications': ['reviewer', 'senior_reviewer', 'admin'],

  // the review queue
  /** the review queue and the case moves: claim, release, request-info, escalate, decide */
  'queue.work': ['reviewer', 'senior_reviewer'],
  /** level 2: claim escalated cases, decide them, release anyone's case */
  'queue.work_level2': ['senior_reviewer'],
  /** POST /v1/appeals/:id/reopen */
  'appeal.reopen': ['senior_reviewer'],

  // the reviewer's tools
  /** GET /v1/macros, /v1/macros/:id */
  'macro.read': ['reviewer', 'senior_reviewer', 'admin'],
  /** POST, PATCH, DELETE /v1/macros */
  'macro.manage': ['admin'],
  /** GET /v1/accounts/:accountId: an account's suspensions, appeals, refunds and waves */
  'account.read': ['reviewer', 'senior_reviewer', 'finance', 'admin'],
  /** GET /v1/search */
  'search.use': ['reviewer', 'senior_reviewer', 'finance', 'admin'],

  // refunds and money
  /** POST /v1/refunds */
  'refund.propose': ['reviewer', 'senior_reviewer'],
  /** GET /v1/refunds */
  'refund.list': ['finance', 'admin'],
  /** GET /v1/refunds/:id: an appellant their own, `refund.read_any` all */
  'refund.read': ['appellant', 'reviewer', 'senior_reviewer', 'finance', 'admin'],
  /** see every refund, in the staff view */
  'refund.read_any': ['reviewer', 'senior_reviewer', 'finance', 'admin'],
  /** POST /v1/refunds/:id/{approve,reject,mark-paid,retry} (approving one's own proposal is still refused) */
  'refund.settle': ['finance'],
  /** GET /v1/ledger */
  'ledger.read': ['finance', 'admin'],
  /** GET /v1/finance/reconciliation.csv */
  'reconciliation.read': ['finance'],

  // operations
  /** GET /v1/reports/transparency */
  'report.read': ['admin'],
  /** POST /v1/notifications/:id/redeliver */
  'notification.redeliver': ['admin'],
  /** GET /v1/audit, /verify, /checkpoints, /checkpoints/public-key */
  'audit.read': ['admin'],
  /** POST /v1/audit/checkpoints */
  'audit.sign_checkpoint': ['admin'],
  /** /admin/queues, the queue dashboard */
  'queues.dashboard': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const rolesFor = (permission: Permission): readonly Role[] => PERMISSIONS[permission];

/** Whether one of the actor's roles may take this action. */
export const can = (actor: Actor, permission: Permission): boolean =>
  hasRole(actor, ...PERMISSIONS[permission]);

/** The permissions that let a caller see every record of a kind, not only its own. */
export type ReadAny = Extract<Permission, `${string}.read_any`>;

/** A record that belongs to one account: an appeal, a refund, a suspension. */
export interface Owned {
  accountId: string;
}

/** Staff whose roles read every such record (`readAny`) see it; an appellant sees their own; nobody else. */
export const sees = (actor: Actor, record: Owned, readAny: ReadAny): boolean =>
  can(actor, readAny) || (can(actor, 'own.read') && record.accountId === actor.sub);

/**
 * The record if the actor sees it (`sees`). A missing record and someone else's get the same answer,
 * a 404 naming `name`, never a 403 that would confirm it exists.
 */
export function assertVisible<T extends Owned>(
  actor: Actor,
  found: T | null | undefined,
  readAny: ReadAny,
  name: string,
): T {
  if (!found || !sees(actor, found, readAny)) throw DomainError.notFound(name);
  return found;
}
