import {
  DAY_MS,
  DomainError,
  SYSTEM_ACTOR,
  hasRole,
  rolesFor,
  type Actor,
  type AppealLevel,
  type AppealOrigin,
  type Role,
} from '@redress/kernel';

export const APPEAL_STATUSES = [
  'submitted',
  'in_review',
  'awaiting_appellant',
  'escalated',
  'decided',
  'withdrawn',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_ACTIONS = [
  'claim',
  'release',
  'request_info',
  'appellant_reply',
  'info_timeout',
  'escalate',
  'decide',
  'withdraw',
  'reopen',
  'lift',
  'bulk_decide',
  'open_sample',
  'close_into_appeal',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

export type { AppealLevel } from '@redress/kernel';

export const OPEN_APPEAL_STATUSES = ['submitted', 'in_review', 'awaiting_appellant', 'escalated'] as const;
export type OpenAppealStatus = (typeof OPEN_APPEAL_STATUSES)[number];

export const isOpenStatus = (status: AppealStatus): status is OpenAppealStatus =>
  (OPEN_APPEAL_STATUSES as readonly AppealStatus[]).includes(status);

export const DEFAULT_REOPEN_WINDOW_DAYS = 30;

/** The events an appeal transition can produce; the transitioner queues them as events of the contract. */
export type AppealEventType =
  'appeal.received' | 'appeal.info_requested' | 'appeal.decided' | 'appeal.reopened';

export interface AppealSnapshot {
  origin: AppealOrigin;
  status: AppealStatus;
  level: AppealLevel;
  assigneeId: string | null;
  accountId: string;
  decidedAt: Date | null;
}

export interface TransitionContext {
  actor: Actor;
  now: Date;
  reopenWindowDays?: number;
}

export interface TransitionResult {
  status: AppealStatus;
  level: AppealLevel;
  assigneeId: string | null;
  emits: AppealEventType[];
}

/**
 * A sample case's person hears only of a decision, and only of one that found the suspension wrong
 * (the outcome is the decide use-case's to check, `decisionNotifies`): nobody asked them anything.
 */
const SAMPLE_NOTICES: readonly AppealEventType[] = ['appeal.decided'];

/** Roles alone cannot say "your own appeal" or "the appeal you claimed"; relations can. */
export type Relation = 'owner' | 'assignee' | 'system';

// Role groups shared with the routes, read from the kernel's permission table.
const REVIEWING_ROLES = rolesFor('queue.work');
const LEVEL_2_ROLES = rolesFor('queue.work_level2');

const RELATIONS: Record<Relation, (actor: Actor, appeal: AppealSnapshot) => boolean> = {
  owner: (actor, appeal) => actor.sub === appeal.accountId && hasRole(actor, 'appellant'),
  // A reviewer whose role was revoked keeps their sub; being the assignee must not outlive the role.
  assignee: (actor, appeal) =>
    appeal.assigneeId !== null && actor.sub === appeal.assigneeId && hasRole(actor, ...REVIEWING_ROLES),
  system: (actor) => actor.sub === SYSTEM_ACTOR.sub,
};

/** One way of being allowed: every condition given must hold. A rule's `who` lists alternatives. */
export interface Permit {
  relation?: Relation;
  /** any one of these */
  roles?: readonly Role[];
  /** only while the appeal is at this level */
  level?: AppealLevel;
}

export interface TransitionRule {
  from: readonly AppealStatus[];
  action: AppealAction;
  /** a fixed state, or one per current level */
  to: AppealStatus | Readonly<Record<AppealLevel, AppealStatus>>;
  who: readonly Permit[];
  /** Levels at which the move exists at all; elsewhere it is an invalid transition, not a permission issue. */
  levels?: readonly AppealLevel[];
  /** Origins for which the move exists at all (default: both); a sample case has nobody to ask or withdraw. */
  origins?: readonly AppealOrigin[];
  /** Checked after permissions; throws its own DomainError. */
  guard?: (appeal: AppealSnapshot, ctx: TransitionContext) => void;
  setLevel?: AppealLevel;
  assignee: 'keep' | 'clear' | 'actor';
  /** Only what the transition always produces; outcome-dependent events (suspension.lifted) are the use-case's. */
  emits: readonly AppealEventType[];
}

// Submitted and escalated appeals are unassigned by construction; this catches a stale snapshot.
const mustBeUnassigned = (appeal: AppealSnapshot): void => {
  if (appeal.assigneeId !== null) throw new DomainError('already_claimed', 'appeal is already claimed');
};

const withinReopenWindow = (appeal: AppealSnapshot, ctx: TransitionContext): void => {
  if (appeal.decidedAt === null) throw new Error('invariant: a decided appeal has no decidedAt');
  const days = ctx.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS;
  if (ctx.now.getTime() - appeal.decidedAt.getTime() > days * DAY_MS) {
    throw new DomainError('reopen_window_closed', `a decision can be reopened only within ${days} days`);
  }
};

/**
 * Filing (→ submitted) is a creation, not a transition; see `initialAppealState`. So is opening a sample
 * case, the rule with no `from` (`openSampleState`): it is in the table for who may and what it emits.
 */
export const APPEAL_TRANSITIONS: readonly TransitionRule[] = [
  {
    // A sampled review of a detector opens a case for someone who never appealed: no notice, level 1.
    from: [],
    action: 'open_sample',
    origins: ['sample'],
    to: 'submitted',
    who: [{ roles: rolesFor('detector.sample') }],
    assignee: 'clear',
    emits: [],
  },
  {
    // The person appeals while a sample case is open: the sample case ends in their appeal, notes and all.
    from: OPEN_APPEAL_STATUSES,
    action: 'close_into_appeal',
    origins: ['sample'],
    to: 'withdrawn',
    who: [{ relation: 'owner' }],
    assignee: 'clear',
    emits: [],
  },
  {
    from: ['submitted'],
    action: 'claim',
    to: 'in_review',
    who: [{ roles: ['reviewer'], level: 1 }, { roles: LEVEL_2_ROLES }],
    guard: mustBeUnassigned,
    assignee: 'actor',
    emits: [],
  },
  {
    from: ['escalated'],
    action: 'claim',
    to: 'in_review',
    who: [{ roles: LEVEL_2_ROLES }],
    guard: mustBeUnassigned,
    assignee: 'actor',
    emits: [],
  },
  {
    from: ['in_review'],
    action: 'release',
    to: { 1: 'submitted', 2: 'escalated' },
    who: [{ relation: 'assignee' }, { roles: LEVEL_2_ROLES }],
    assignee: 'clear',
    emits: [],
  },
  {
    from: ['in_review'],
    action: 'request_info',
    origins: ['appellant'],
    to: 'awaiting_appellant',
    who: [{ relation: 'assignee' }],
    assignee: 'keep',
    emits: ['appeal.info_requested'],
  },
  {
    from: ['awaiting_appellant'],
    action: 'appellant_reply',
    origins: ['appellant'],
    to: 'in_review',
    who: [{ relation: 'owner' }],
    assignee: 'keep',
    emits: [],
  },
  {
    from: ['awaiting_appellant'],
    action: 'info_timeout',
    origins: ['appellant'],
    to: 'in_review',
    who: [{ relation: 'system' }],
    assignee: 'keep',
    emits: [],
  },
  {
    from: ['in_review'],
    action: 'escalate',
    levels: [1],
    to: 'escalated',
    who: [{ relation: 'assignee' }],
    setLevel: 2,
    assignee: 'clear',
    emits: [],
  },
  {
    from: ['in_review'],
    action: 'decide',
    to: 'decided',
    who: [
      { relation: 'assignee', level: 1 },
      { relation: 'assignee', roles: LEVEL_2_ROLES, level: 2 },
    ],
    assignee: 'keep',
    emits: ['appeal.decided'],
  },
  {
    from: OPEN_APPEAL_STATUSES,
    action: 'withdraw',
    origins: ['appellant'],
    to: 'withdrawn',
    who: [{ relation: 'owner' }],
    assignee: 'clear',
    emits: [],
  },
  {
    // The platform lifts the suspension itself: its open appeal is decided overturned.
    from: OPEN_APPEAL_STATUSES,
    action: 'lift',
    to: 'decided',
    who: [{ roles: rolesFor('suspension.lift') }],
    assignee: 'keep',
    emits: ['appeal.decided'],
  },
  {
    // A senior reviewer decides a whole ban wave at once, whoever holds each case.
    from: OPEN_APPEAL_STATUSES,
    action: 'bulk_decide',
    to: 'decided',
    who: [{ roles: rolesFor('wave.decide') }],
    assignee: 'keep',
    emits: ['appeal.decided'],
  },
  {
    from: ['decided'],
    action: 'reopen',
    to: 'in_review',
    who: [{ roles: rolesFor('appeal.reopen') }],
    guard: withinReopenWindow,
    setLevel: 2,
    assignee: 'actor',
    emits: ['appeal.reopened'],
  },
];

/** What a newly filed appeal starts as. */
export function initialAppealState(): TransitionResult {
  return { status: 'submitted', level: 1, assigneeId: null, emits: ['appeal.received'] };
}

const OPEN_SAMPLE = APPEAL_TRANSITIONS.find((rule) => rule.action === 'open_sample')!;

/** What a sample case starts as, if the actor may open one (the `open_sample` rule). */
export function openSampleState(actor: Actor): TransitionResult {
  if (!OPEN_SAMPLE.who.some((permit) => permit.roles && hasRole(actor, ...permit.roles))) {
    throw new DomainError('forbidden', `only ${describeWho(OPEN_SAMPLE.who)} may open_sample`);
  }
  return {
    status: OPEN_SAMPLE.to as AppealStatus,
    level: 1,
    assigneeId: null,
    emits: [...OPEN_SAMPLE.emits],
  };
}

export function findRule(status: AppealStatus, action: AppealAction): TransitionRule | undefined {
  return APPEAL_TRANSITIONS.find((rule) => rule.action === action && rule.from.includes(status));
}

const permits = (permit: Permit, actor: Actor, appeal: AppealSnapshot): boolean =>
  (permit.relation === undefined || RELATIONS[permit.relation](actor, appeal)) &&
  (permit.roles === undefined || hasRole(actor, ...permit.roles)) &&
  (permit.level === undefined || permit.level === appeal.level);

export function describeWho(who: readonly Permit[]): string {
  return who
    .map((p) =>
      [p.roles?.join(' or '), p.relation, p.level && `at level ${p.level}`].filter(Boolean).join(' '),
    )
    .join(' or ');
}

export function transition(
  appeal: AppealSnapshot,
  action: AppealAction,
  ctx: TransitionContext,
): TransitionResult {
  const rule = findRule(appeal.status, action);
  if (!rule) {
    throw new DomainError('invalid_transition', `cannot ${action} an appeal that is ${appeal.status}`);
  }
  if (rule.origins && !rule.origins.includes(appeal.origin)) {
    throw new DomainError(
      'invalid_transition',
      `cannot ${action} an appeal that is ${appeal.status}: ${appeal.origin === 'sample' ? 'a sample case has no appellant in it' : 'it is no sample case'}`,
    );
  }
  if (rule.levels && !rule.levels.includes(appeal.level)) {
    throw new DomainError(
      'invalid_transition',
      `cannot ${action} an appeal that is ${appeal.status} at level ${appeal.level} (only at level ${rule.levels.join(' or ')})`,
    );
  }
  if (!rule.who.some((permit) => permits(permit, ctx.actor, appeal))) {
    throw new DomainError('forbidden', `only ${describeWho(rule.who)} may ${action} this appeal`);
  }
  rule.guard?.(appeal, ctx);
  return {
    status: typeof rule.to === 'string' ? rule.to : rule.to[appeal.level],
    level: rule.setLevel ?? appeal.level,
    assigneeId:
      rule.assignee === 'keep' ? appeal.assigneeId : rule.assignee === 'actor' ? ctx.actor.sub : null,
    emits: rule.emits.filter((type) => appeal.origin === 'appellant' || SAMPLE_NOTICES.includes(type)),
  };
}

/** The actions this actor could take right now, e.g. to show or hide buttons. */
export function allowedActions(
  appeal: AppealSnapshot,
  actor: Actor,
  now: Date,
  reopenWindowDays?: number,
): AppealAction[] {
  return APPEAL_ACTIONS.filter((action) => {
    try {
      transition(appeal, action, { actor, now, reopenWindowDays });
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  });
}

const LEVELS: readonly AppealLevel[] = [1, 2];

/** Each state a rule can lead to, with the level it depends on, for drawing. */
function targetsOf(rule: TransitionRule): { when: string; to: AppealStatus }[] {
  const to = rule.to;
  if (typeof to !== 'string') return LEVELS.map((level) => ({ when: ` (level ${level})`, to: to[level] }));
  return [{ when: rule.levels ? ` (level ${rule.levels.join(' or ')})` : '', to }];
}

/** Labels avoid ':' and ';', which end a Mermaid state-diagram statement. */
export function renderMermaid(): string {
  const lines = ['stateDiagram-v2', '  [*] --> submitted : file by owner, emits appeal.received'];
  for (const rule of APPEAL_TRANSITIONS) {
    const emits = rule.emits.length ? `, emits ${rule.emits.join(', ')}` : '';
    const only = rule.origins ? ` (${rule.origins.join(' or ')} only)` : '';
    for (const from of rule.from.length ? rule.from : ['[*]']) {
      for (const { when, to } of targetsOf(rule)) {
        lines.push(`  ${from} --> ${to} : ${rule.action}${when}${only} by ${describeWho(rule.who)}${emits}`);
      }
    }
  }
  lines.push('  decided --> [*]', '  withdrawn --> [*]');
  return lines.join('\n') + '\n';
}
