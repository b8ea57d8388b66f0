/**
 * BullMQ queue names, shared by the worker (which consumes them) and the API's read-only queue
 * dashboard. Bulk notices (ban waves) have their own queue so single notices never wait behind them.
 */
export const EVENTS_QUEUE = 'events';
export const BULK_EVENTS_QUEUE = 'events-bulk';
/** E-mail and webhook delivery attempts; job id = notification id. */
export const DELIVERIES_QUEUE = 'deliveries';
/** Refund payouts through the configured provider. */
export const PAYOUTS_QUEUE = 'payouts';
/** Wave-wide decisions, run as long chunked jobs. */
export const BULK_JOBS_QUEUE = 'bulk-jobs';
/** Submissions of published statements of reasons to the DSA Transparency Database, in batches. */
export const DSA_SUBMISSIONS_QUEUE = 'dsa-submissions';

export const ALL_QUEUES = [
  EVENTS_QUEUE,
  BULK_EVENTS_QUEUE,
  DELIVERIES_QUEUE,
  PAYOUTS_QUEUE,
  BULK_JOBS_QUEUE,
  DSA_SUBMISSIONS_QUEUE,
];
