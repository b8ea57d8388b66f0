import type { Role } from '@redress/kernel';

/**
 * Who may call each route, written down independently of the controllers' @Allow
 * and the kernel's PERMISSIONS so that a changed decorator or table entry shows up as a failing test. `public` routes need no token; every other
 * route answers 401 to a missing or bad token and 403 to a valid token without one of the roles.
 * The matrix test fails when the OpenAPI document has a route that is not in this table (and when
 * the table names a route that no longer exists), so a new route cannot ship without an entry.
 */
export type Access = 'public' | readonly Role[];

const APPELLANT: Role[] = ['appellant'];
const REVIEWERS: Role[] = ['reviewer', 'senior_reviewer'];
const SENIOR: Role[] = ['senior_reviewer'];
const FINANCE: Role[] = ['finance'];
const ADMIN: Role[] = ['admin'];
const ENFORCEMENT: Role[] = ['enforcement', 'admin'];
const APPEAL_READERS: Role[] = ['appellant', 'reviewer', 'senior_reviewer', 'admin'];
const EVERYONE: Role[] = ['appellant', 'reviewer', 'senior_reviewer', 'finance', 'enforcement', 'admin'];

export const ROUTE_ACCESS: Record<string, Access> = {
  // operations (outside /v1)
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',

  // one-time access links: no token, the link is the credential
  'POST /v1/access-links': 'public',
  'POST /v1/access-links/exchange': 'public',

  // the caller's own session
  'GET /v1/session': EVERYONE,

  // audit
  'GET /v1/audit': ADMIN,
  'GET /v1/audit/verify': ADMIN,
  'GET /v1/audit/checkpoints': ADMIN,
  'POST /v1/audit/checkpoints': ADMIN,
  'GET /v1/audit/checkpoints/public-key': ADMIN,

  // suspensions
  'POST /v1/suspensions': ENFORCEMENT,
  'POST /v1/suspensions/batch': ENFORCEMENT,
  'GET /v1/suspensions/{id}': EVERYONE,
  'GET /v1/me/suspensions': APPELLANT,
  'POST /v1/suspensions/{id}/lift': ENFORCEMENT,
  'GET /v1/suspensions/{id}/statement-of-reasons': ['admin', 'enforcement'],
  'GET /v1/suspensions/{id}/statements-of-reasons': ['admin', 'enforcement'],

  // DSA Transparency Database submission and export
  'GET /v1/dsa/submissions': ADMIN,
  'POST /v1/dsa/submissions/{id}/retry': ADMIN,
  'GET /v1/dsa/statements.ndjson': ADMIN,

  // ban waves and bulk jobs
  'POST /v1/waves': ENFORCEMENT,
  'GET /v1/waves': ['enforcement', 'reviewer', 'senior_reviewer', 'finance', 'admin'],
  'GET /v1/waves/{id}': ['enforcement', 'reviewer', 'senior_reviewer', 'finance', 'admin'],
  'POST /v1/waves/{id}/bulk-decision': SENIOR,
  'GET /v1/jobs/{id}': ['senior_reviewer', 'admin'],

  // detectors: error estimates and sampled review
  'GET /v1/detectors': ['senior_reviewer', 'admin'],
  'GET /v1/detectors/{name}': ['senior_reviewer', 'admin'],
  'POST /v1/detectors/{name}/samples': SENIOR,

  // appeals: the appellant's side
  'POST /v1/appeals': APPELLANT,
  'GET /v1/me/appeals': APPELLANT,
  'GET /v1/appeals/{id}': APPEAL_READERS,
  'POST /v1/appeals/{id}/withdraw': APPELLANT,
  'GET /v1/appeals/{id}/messages': APPEAL_READERS,
  'POST /v1/appeals/{id}/messages': ['appellant', 'reviewer', 'senior_reviewer'],
  'GET /v1/appeals/{id}/history': ['reviewer', 'senior_reviewer', 'admin'],

  // appeals: the review side
  'GET /v1/review/queue': REVIEWERS,
  'POST /v1/review/next': REVIEWERS,
  'POST /v1/appeals/{id}/claim': REVIEWERS,
  'POST /v1/appeals/{id}/release': REVIEWERS,
  'POST /v1/appeals/{id}/request-info': REVIEWERS,
  'POST /v1/appeals/{id}/escalate': REVIEWERS,
  'POST /v1/appeals/{id}/decision': REVIEWERS,
  'POST /v1/appeals/{id}/reopen': SENIOR,

  // the reviewer's tools
  'GET /v1/macros': ['reviewer', 'senior_reviewer', 'admin'],
  'GET /v1/macros/{id}': ['reviewer', 'senior_reviewer', 'admin'],
  'POST /v1/macros': ADMIN,
  'PATCH /v1/macros/{id}': ADMIN,
  'DELETE /v1/macros/{id}': ADMIN,
  'GET /v1/accounts/{accountId}': ['reviewer', 'senior_reviewer', 'finance', 'admin'],
  'GET /v1/search': ['reviewer', 'senior_reviewer', 'finance', 'admin'],

  // evidence
  'POST /v1/appeals/{id}/evidence': ['appellant', 'reviewer', 'senior_reviewer'],
  'GET /v1/appeals/{id}/evidence': APPEAL_READERS,
  'GET /v1/evidence/{id}/content': APPEAL_READERS,

  // notifications
  'GET /v1/me/notifications': APPELLANT,
  'GET /v1/appeals/{id}/notifications': ['reviewer', 'senior_reviewer', 'admin'],
  'POST /v1/notifications/{id}/redeliver': ADMIN,

  // refunds and the ledger
  'POST /v1/refunds': REVIEWERS,
  'GET /v1/refunds': ['finance', 'admin'],
  'GET /v1/me/refunds': APPELLANT,
  'GET /v1/refunds/{id}': ['appellant', 'reviewer', 'senior_reviewer', 'finance', 'admin'],
  'POST /v1/refunds/{id}/approve': FINANCE,
  'POST /v1/refunds/{id}/reject': FINANCE,
  'POST /v1/refunds/{id}/mark-paid': FINANCE,
  'POST /v1/refunds/{id}/retry': FINANCE,
  'GET /v1/ledger': ['finance', 'admin'],
  'GET /v1/finance/reconciliation.csv': FINANCE,

  // reports and exports
  'GET /v1/reports/transparency': ADMIN,
  'GET /v1/me/export': APPELLANT,
};

/** Routes the OpenAPI document does not describe (raw Fastify routes), checked the same way. */
export const UNDOCUMENTED_ROUTE_ACCESS: Record<string, Access> = {
  'GET /admin/queues': ADMIN,
  'GET /admin/queues/api/queues': ADMIN,
  'GET /docs-json': 'public',
};
