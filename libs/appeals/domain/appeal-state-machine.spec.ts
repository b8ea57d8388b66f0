import { DAY_MS, DomainError, SYSTEM_ACTOR, type Actor, type AppealOrigin } from '@redress/kernel';
import {
  APPEAL_ACTIONS,
  APPEAL_STATUSES,
  APPEAL_TRANSITIONS,
  allowedActions,
  openSampleState,
  transition,
  type AppealAction,
  type AppealLevel,
  type AppealSnapshot,
  type AppealStatus,
  type TransitionResult,
} from './appeal-state-machine';

const now = new Date('2025-03-01T12:00:00Z');
const OWNER = 'acct-1';

const owner: Actor = { sub: OWNER, roles: ['appellant'] };
const stranger: Actor = { sub: 'acct-2', roles: ['appellant'] };
const reviewer: Actor = { sub: 'rev-1', roles: ['reviewer'] };
const otherReviewer: Actor = { sub: 'rev-2', roles: ['reviewer'] };
const senior: Actor = { sub: 'sen-1', roles: ['senior_reviewer'] };
const seniorAssignee: Actor = { sub: 'rev-1', roles: ['senior_reviewer'] };
const finance: Actor = { sub: 'fin-1', roles: ['finance', 'admin'] };
const enforcer: Actor = { sub: 'enf-1', roles: ['enforcement'] };
// Same sub as the assignee, but no longer a reviewer.
const demotedAssignee: Actor = { sub: 'rev-1', roles: ['appellant'] };

function snapshot(
  status: AppealStatus,
  level: AppealLevel,
  origin: AppealOrigin = 'appellant',
): AppealSnapshot {
  const assigned = status === 'in_review' || status === 'awaiting_appellant' || status === 'decided';
  return {
    origin,
    status,
    level,
    assigneeId: assigned ? 'rev-1' : null,
    accountId: OWNER,
    decidedAt: status === 'decided' ? new Date(now.getTime() - DAY_MS) : null,
  };
}

interface Case {
  allowed: Actor[];
  forbidden: Actor[];
  /** expected result for the first allowed actor */
  result: TransitionResult;
}

const r = (
  status: AppealStatus,
  level: AppealLevel,
  assigneeId: string | null,
  emits: string[] = [],
): TransitionResult => ({ status, level, assigneeId, emits }) as TransitionResult;

/** The state machine written out by hand, independently of the table, keyed by `status:action:level`. */
const ALLOWED: Record<string, Case> = {
  'submitted:claim:1': {
    allowed: [reviewer, senior],
    forbidden: [finance, owner],
    result: r('in_review', 1, 'rev-1'),
  },
  'submitted:claim:2': { allowed: [senior], forbidden: [reviewer], result: r('in_review', 2, 'sen-1') },
  'escalated:claim:1': { allowed: [senior], forbidden: [reviewer], result: r('in_review', 1, 'sen-1') },
  'escalated:claim:2': {
    allowed: [senior],
    forbidden: [reviewer, finance],
    result: r('in_review', 2, 'sen-1'),
  },
  'in_review:release:1': {
    allowed: [reviewer, senior],
    forbidden: [otherReviewer, demotedAssignee, owner],
    result: r('submitted', 1, null),
  },
  'in_review:release:2': {
    allowed: [seniorAssignee, senior],
    forbidden: [otherReviewer, finance],
    result: r('escalated', 2, null),
  },
  'in_review:request_info:1': {
    allowed: [reviewer],
    forbidden: [otherReviewer, senior, demotedAssignee],
    result: r('awaiting_appellant', 1, 'rev-1', ['appeal.info_requested']),
  },
  'in_review:request_info:2': {
    allowed: [seniorAssignee],
    forbidden: [senior],
    result: r('awaiting_appellant', 2, 'rev-1', ['appeal.info_requested']),
  },
  'in_review:escalate:1': {
    allowed: [reviewer],
    forbidden: [otherReviewer, senior],
    result: r('escalated', 2, null),
  },
  'in_review:decide:1': {
    allowed: [reviewer],
    forbidden: [otherReviewer, senior, demotedAssignee],
    result: r('decided', 1, 'rev-1', ['appeal.decided']),
  },
  'in_review:decide:2': {
    allowed: [seniorAssignee],
    forbidden: [reviewer, senior],
    result: r('decided', 2, 'rev-1', ['appeal.decided']),
  },
  'awaiting_appellant:appellant_reply:1': {
    allowed: [owner],
    forbidden: [stranger, reviewer, SYSTEM_ACTOR, { sub: OWNER, roles: ['reviewer'] }],
    result: r('in_review', 1, 'rev-1'),
  },
  'awaiting_appellant:appellant_reply:2': {
    allowed: [owner],
    forbidden: [stranger],
    result: r('in_review', 2, 'rev-1'),
  },
  'awaiting_appellant:info_timeout:1': {
    allowed: [SYSTEM_ACTOR],
    forbidden: [owner, reviewer, senior],
    result: r('in_review', 1, 'rev-1'),
  },
  'awaiting_appellant:info_timeout:2': {
    allowed: [SYSTEM_ACTOR],
    forbidden: [finance],
    result: r('in_review', 2, 'rev-1'),
  },
  'decided:reopen:1': {
    allowed: [senior],
    forbidden: [reviewer, owner],
    result: r('in_review', 2, 'sen-1', ['appeal.reopened']),
  },
  'decided:reopen:2': {
    allowed: [senior],
    forbidden: [reviewer],
    result: r('in_review', 2, 'sen-1', ['appeal.reopened']),
  },
};
for (const status of ['submitted', 'in_review', 'awaiting_appellant', 'escalated'] as const) {
  for (const level of [1, 2] as const) {
    ALLOWED[`${status}:withdraw:${level}`] = {
      allowed: [owner],
      forbidden: [stranger, reviewer, senior, SYSTEM_ACTOR],
      result: r('withdrawn', level, null),
    };
    const assignee = snapshot(status, level).assigneeId;
    ALLOWED[`${status}:lift:${level}`] = {
      allowed: [enforcer, finance],
      forbidden: [owner, reviewer, senior, SYSTEM_ACTOR],
      result: r('decided', level, assignee, ['appeal.decided']),
    };
    ALLOWED[`${status}:bulk_decide:${level}`] = {
      allowed: [senior],
      forbidden: [owner, reviewer, enforcer, SYSTEM_ACTOR],
      result: r('decided', level, assignee, ['appeal.decided']),
    };
  }
}

/**
 * A sample case: the same moves, except that nobody can be asked, reply, time out or withdraw, and the
 * person's own appeal closes it; of its notices only a decision's remains (decisionNotifies checks the outcome).
 */
const ALLOWED_SAMPLE: Record<string, Case> = Object.fromEntries(
  Object.entries(ALLOWED)
    .filter(([key]) => !/:(request_info|appellant_reply|info_timeout|withdraw):/.test(key))
    .map(([key, c]) => [
      key,
      { ...c, result: { ...c.result, emits: c.result.emits.filter((e) => e === 'appeal.decided') } },
    ]),
);
for (const status of ['submitted', 'in_review', 'awaiting_appellant', 'escalated'] as const) {
  for (const level of [1, 2] as const) {
    ALLOWED_SAMPLE[`${status}:close_into_appeal:${level}`] = {
      allowed: [owner],
      forbidden: [stranger, reviewer, senior, SYSTEM_ACTOR, { sub: OWNER, roles: ['reviewer'] }],
      result: r('withdrawn', level, null),
    };
  }
}

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

const combos = (['appellant', 'sample'] as const).flatMap((origin) =>
  APPEAL_STATUSES.flatMap((status) =>
    APPEAL_ACTIONS.flatMap((action) => ([1, 2] as const).map((level) => ({ origin, status, action, level }))),
  ),
);

describe('appeal state machine — every (origin, state, action, level)', () => {
  it.each(combos)('$origin: $status + $action at level $level', ({ origin, status, action, level }) => {
    const appeal = snapshot(status, level, origin);
    const expected = (origin === 'sample' ? ALLOWED_SAMPLE : ALLOWED)[`${status}:${action}:${level}`];
    if (!expected) {
      // Even a senior reviewer, owner or system cannot make an illegal move: state is checked first.
      for (const actor of [senior, owner, SYSTEM_ACTOR, seniorAssignee]) {
        const error = thrown(() => transition(appeal, action, { actor, now }));
        expect(error.code).toBe('invalid_transition');
        expect(error.message).toContain(status);
      }
      return;
    }
    expect(transition(appeal, action, { actor: expected.allowed[0], now })).toEqual(expected.result);
    for (const actor of expected.allowed) {
      expect(() => transition(appeal, action, { actor, now })).not.toThrow();
    }
    for (const actor of expected.forbidden) {
      expect(thrown(() => transition(appeal, action, { actor, now })).code).toBe('forbidden');
    }
  });

  it('has exactly one rule per (state, action) pair', () => {
    const pairs = APPEAL_TRANSITIONS.flatMap((rule) => rule.from.map((from) => `${from}:${rule.action}`));
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});

describe('open_sample: the creation of a sample case', () => {
  it('opens at submitted, level 1, unassigned, with no notice, for a senior reviewer only', () => {
    expect(openSampleState(senior)).toEqual(r('submitted', 1, null));
    for (const actor of [reviewer, owner, finance, enforcer, SYSTEM_ACTOR]) {
      expect(thrown(() => openSampleState(actor)).code).toBe('forbidden');
    }
  });
});

describe('transition details', () => {
  it('explains that escalation exists only at level 1', () => {
    const error = thrown(() =>
      transition(snapshot('in_review', 2), 'escalate', { actor: seniorAssignee, now }),
    );
    expect(error.code).toBe('invalid_transition');
    expect(error.status).toBe(409);
    expect(error.message).toBe('cannot escalate an appeal that is in_review at level 2 (only at level 1)');
  });

  it('names the state in the invalid_transition message', () => {
    expect(
      thrown(() => transition(snapshot('withdrawn', 1), 'claim', { actor: reviewer, now })).message,
    ).toBe('cannot claim an appeal that is withdrawn');
  });

  it('refuses to claim an appeal that still carries an assignee', () => {
    const appeal = { ...snapshot('submitted', 1), assigneeId: 'rev-2' };
    expect(thrown(() => transition(appeal, 'claim', { actor: reviewer, now })).code).toBe('already_claimed');
  });

  it('checks permissions before guards', () => {
    const appeal = { ...snapshot('decided', 2), decidedAt: new Date(now.getTime() - 90 * DAY_MS) };
    expect(thrown(() => transition(appeal, 'reopen', { actor: reviewer, now })).code).toBe('forbidden');
  });

  describe('reopen window', () => {
    const decidedAgo = (ms: number): AppealSnapshot => ({
      ...snapshot('decided', 1),
      decidedAt: new Date(now.getTime() - ms),
    });

    it('is open up to and including 30 days', () => {
      expect(transition(decidedAgo(30 * DAY_MS), 'reopen', { actor: senior, now }).status).toBe('in_review');
    });

    it('closes one millisecond after 30 days', () => {
      const error = thrown(() => transition(decidedAgo(30 * DAY_MS + 1), 'reopen', { actor: senior, now }));
      expect(error.code).toBe('reopen_window_closed');
      expect(error.status).toBe(422);
    });

    it('honours a configured window', () => {
      const ctx = { actor: senior, now, reopenWindowDays: 7 };
      expect(thrown(() => transition(decidedAgo(8 * DAY_MS), 'reopen', ctx)).code).toBe(
        'reopen_window_closed',
      );
      expect(transition(decidedAgo(7 * DAY_MS), 'reopen', ctx).level).toBe(2);
    });
  });

  it('returns a fresh emits array each time', () => {
    const a = transition(snapshot('in_review', 1), 'decide', { actor: reviewer, now });
    a.emits.push('appeal.reopened');
    expect(transition(snapshot('in_review', 1), 'decide', { actor: reviewer, now }).emits).toEqual([
      'appeal.decided',
    ]);
  });
});

describe('allowedActions', () => {
  const cases: [AppealStatus, AppealLevel, Actor, AppealAction[]][] = [
    ['submitted', 1, reviewer, ['claim']],
    ['submitted', 1, owner, ['withdraw']],
    ['submitted', 1, stranger, []],
    ['in_review', 1, reviewer, ['release', 'request_info', 'escalate', 'decide']],
    ['in_review', 1, senior, ['release', 'bulk_decide']],
    ['in_review', 2, seniorAssignee, ['release', 'request_info', 'decide', 'bulk_decide']],
    ['awaiting_appellant', 1, owner, ['appellant_reply', 'withdraw']],
    ['awaiting_appellant', 1, SYSTEM_ACTOR, ['info_timeout']],
    ['escalated', 2, reviewer, []],
    ['escalated', 2, senior, ['claim', 'bulk_decide']],
    ['escalated', 2, enforcer, ['lift']],
    ['decided', 1, senior, ['reopen']],
    ['withdrawn', 1, senior, []],
  ];
  it.each(cases)('%s at level %s for %j', (status, level, actor, expected) => {
    expect(allowedActions(snapshot(status, level), actor, now)).toEqual(expected);
  });

  it('drops reopen once the window has closed', () => {
    const appeal = { ...snapshot('decided', 1), decidedAt: new Date(now.getTime() - 31 * DAY_MS) };
    expect(allowedActions(appeal, senior, now)).toEqual([]);
  });
});
