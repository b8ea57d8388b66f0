/**
 * The triage queue's orders. By priority: bands of ten points, highest first; within a band the cases
 * whose SLA is breached come first, then priority, age and id. By due date: the decision due first.
 * The SQL twin is QUEUE_ORDER in persistence/appeal-row.ts; test/appeals-queue.e2e-spec.ts keeps
 * them equal.
 */
export const PRIORITY_BAND_POINTS = 10;

export const QUEUE_SORTS = ['priority', 'decisionDueAt'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const priorityBand = (priority: number): number => Math.floor(priority / PRIORITY_BAND_POINTS);

interface Queued {
  id: string;
  priority: number;
  slaBreached: boolean;
  submittedAt: Date;
  decisionDueAt: Date;
}

/** A sort key per appeal, compared part by part, ascending. */
export function queueKey(sort: QueueSort, a: Queued): (number | string)[] {
  if (sort === 'decisionDueAt') return [a.decisionDueAt.getTime(), a.id];
  return [-priorityBand(a.priority), a.slaBreached ? 0 : 1, -a.priority, a.submittedAt.getTime(), a.id];
}

export function compareInQueue(sort: QueueSort, a: Queued, b: Queued): number {
  const [ka, kb] = [queueKey(sort, a), queueKey(sort, b)];
  for (let i = 0; i < ka.length; i += 1) {
    if (ka[i] < kb[i]) return -1;
    if (ka[i] > kb[i]) return 1;
  }
  return 0;
}
