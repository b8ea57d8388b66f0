import { act, suspendAndAppeal, suspensionRequest, TestApp, type Filed } from '@redress/testing';

/**
 * The appeal state machine over HTTP: every reachable state × every action endpoint. Allowed pairs succeed (with the
 * right actor) and land in the expected state; every other pair answers 409 invalid_transition.
 */
const REVIEWER: ['rev_1', 'reviewer'] = ['rev_1', 'reviewer'];
const SENIOR: ['sen_1', 'senior_reviewer'] = ['sen_1', 'senior_reviewer'];
const RATIONALE = 'A rationale long enough to be a real explanation.';

type State =
  'submitted' | 'in_review' | 'awaiting_appellant' | 'escalated' | 'in_review_l2' | 'decided' | 'withdrawn';

/** How to bring a fresh appeal into each state. */
const REACH: Record<State, (app: TestApp, f: Filed) => Promise<void>> = {
  submitted: async () => undefined,
  in_review: async (app, f) => void (await act(app, f.appealId, 'claim', REVIEWER)),
  awaiting_appellant: async (app, f) => {
    await act(app, f.appealId, 'claim', REVIEWER);
    await act(app, f.appealId, 'request-info', REVIEWER, { message: 'Which client made these calls?' });
  },
  escalated: async (app, f) => {
    await act(app, f.appealId, 'claim', REVIEWER);
    await act(app, f.appealId, 'escalate', REVIEWER, { reason: 'needs a senior' });
  },
  in_review_l2: async (app, f) => {
    await REACH.escalated(app, f);
    await act(app, f.appealId, 'claim', SENIOR);
  },
  decided: async (app, f) => {
    await act(app, f.appealId, 'claim', REVIEWER);
    await act(app, f.appealId, 'decision', REVIEWER, { outcome: 'upheld', rationale: RATIONALE });
  },
  withdrawn: async (app, f) =>
    void (await app.http.post(`/v1/appeals/${f.appealId}/withdraw`).set(f.owner).expect(200)),
};

interface Action {
  name: string;
  call: (app: TestApp, f: Filed, state: State) => Promise<{ status: number; body: Record<string, unknown> }>;
}

const post = async (
  app: TestApp,
  f: Filed,
  path: string,
  who: [string, ...string[]],
  body: Record<string, unknown> = {},
) => {
  const [sub, ...roles] = who;
  const res = await app.http
    .post(`/v1/appeals/${f.appealId}/${path}`)
    .set(app.bearer(sub, ...(roles as never[])))
    .send(body);
  return { status: res.status, body: res.body };
};
/** The actor that would be allowed if the pair were legal: the assignee, or the senior at level 2. */
const worker = (state: State): [string, ...string[]] =>
  state === 'in_review_l2' || state === 'escalated' || state === 'decided' ? SENIOR : REVIEWER;

const ACTIONS: Action[] = [
  { name: 'claim', call: (app, f, s) => post(app, f, 'claim', worker(s)) },
  { name: 'release', call: (app, f, s) => post(app, f, 'release', worker(s)) },
  {
    name: 'request-info',
    call: (app, f, s) => post(app, f, 'request-info', worker(s), { message: 'More, please.' }),
  },
  {
    name: 'escalate',
    call: (app, f, s) => post(app, f, 'escalate', worker(s), { reason: 'needs a senior' }),
  },
  {
    name: 'decision',
    call: (app, f, s) => post(app, f, 'decision', worker(s), { outcome: 'overturned', rationale: RATIONALE }),
  },
  { name: 'reopen', call: (app, f) => post(app, f, 'reopen', SENIOR, { reason: 'new evidence arrived' }) },
  {
    name: 'withdraw',
    call: async (app, f) => {
      const res = await app.http.post(`/v1/appeals/${f.appealId}/withdraw`).set(f.owner);
      return { status: res.status, body: res.body };
    },
  },
  {
    name: 'appellant reply',
    call: async (app, f) => {
      const res = await app.http
        .post(`/v1/appeals/${f.appealId}/messages`)
        .set(f.owner)
        .send({ body: 'Here is my answer.' });
      const appeal = await app.http.get(`/v1/appeals/${f.appealId}`).set(f.owner);
      return { status: res.status, body: { ...appeal.body, _messageStatus: res.status } };
    },
  },
];

/** Allowed (state, action) → resulting status; everything else must be a 409. */
const ALLOWED: Record<string, string> = {
  'submitted:claim': 'in_review',
  'submitted:withdraw': 'withdrawn',
  'submitted:appellant reply': 'submitted',
  'in_review:release': 'submitted',
  'in_review:request-info': 'awaiting_appellant',
  'in_review:escalate': 'escalated',
  'in_review:decision': 'decided',
  'in_review:withdraw': 'withdrawn',
  'in_review:appellant reply': 'in_review',
  'awaiting_appellant:withdraw': 'withdrawn',
  'awaiting_appellant:appellant reply': 'in_review',
  'escalated:claim': 'in_review',
  'escalated:withdraw': 'withdrawn',
  'escalated:appellant reply': 'escalated',
  'in_review_l2:release': 'escalated',
  'in_review_l2:request-info': 'awaiting_appellant',
  'in_review_l2:decision': 'decided',
  'in_review_l2:withdraw': 'withdrawn',
  'in_review_l2:appellant reply': 'in_review',
  'decided:reopen': 'in_review',
};

describe('Appeal state machine over HTTP: every (state, action) pair', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start('state_machine', { worker: false, env: { RATE_LIMIT_PER_MINUTE: '10000' } });
  });
  afterAll(() => app.close());

  const pairs = (Object.keys(REACH) as State[]).flatMap((state) =>
    ACTIONS.map((action) => ({ state, action: action.name })),
  );

  it.each(pairs)('$state + $action', async ({ state, action }) => {
    const filed = await suspendAndAppeal(app);
    await REACH[state](app, filed);
    const { status, body } = await ACTIONS.find((a) => a.name === action)!.call(app, filed, state);
    const expected = ALLOWED[`${state}:${action}`];
    if (action === 'appellant reply') {
      // a message is always welcome on an open appeal; it only moves awaiting_appellant back to review
      expect(body._messageStatus).toBe(expected ? 201 : 409);
      if (expected) expect(body.status).toBe(expected);
      return;
    }
    if (expected) {
      expect({ status, result: body.status }).toEqual({ status: 200, result: expected });
    } else {
      expect({ status, code: body.code }).toEqual({ status: 409, code: 'invalid_transition' });
      const current = state === 'in_review_l2' ? 'in_review' : state;
      expect(body.detail).toContain(current);
    }
  });
});

/**
 * The sample-case rows: a case opened by a detector's sampled review (open_sample) moves like any case
 * between reviewers, but has no appellant in it — nobody is asked, replies or withdraws (the person
 * sees no such case: 404) — and the person's own filing closes it into their appeal (close_into_appeal).
 */
describe('Sample cases over HTTP: every reachable state × the moves that differ', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start('state_machine_sample', {
      worker: false,
      env: { RATE_LIMIT_PER_MINUTE: '10000' },
    });
  });
  afterAll(() => app.close());

  type SampleState = 'submitted' | 'in_review' | 'escalated' | 'in_review_l2' | 'decided';
  const SAMPLE_STATES: SampleState[] = ['submitted', 'in_review', 'escalated', 'in_review_l2', 'decided'];

  /** A suspension of its own detector, and the sample case a senior reviewer opens on it. */
  async function sampleCase(): Promise<Filed> {
    const detector = { name: `det-${Math.random().toString(36).slice(2, 10)}`, version: 'v1' };
    const body = suspensionRequest({ detector });
    const created = await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(body);
    const drawn = await app.http
      .post(`/v1/detectors/${detector.name}/samples`)
      .set(app.bearer(...SENIOR))
      .send({ size: 1 })
      .expect(201);
    return {
      suspensionId: created.body.id,
      appealId: drawn.body.appealIds[0],
      accountId: body.accountId as string,
      owner: app.bearer(body.accountId as string, 'appellant'),
    };
  }

  const moves: Record<string, (f: Filed, state: SampleState) => Promise<{ status: number; code?: string }>> =
    {
      'request-info': async (f, s) => {
        const res = await post(app, f, 'request-info', worker(s), { message: 'Who used the key?' });
        return { status: res.status, code: res.body.code as string };
      },
      withdraw: async (f) => {
        const res = await app.http.post(`/v1/appeals/${f.appealId}/withdraw`).set(f.owner);
        return { status: res.status, code: res.body.code };
      },
      'appellant reply': async (f) => {
        const res = await app.http
          .post(`/v1/appeals/${f.appealId}/messages`)
          .set(f.owner)
          .send({ body: 'Hello?' });
        return { status: res.status, code: res.body.code };
      },
      'file (close_into_appeal)': async (f) => {
        const res = await app.http.post('/v1/appeals').set(f.owner).send({
          suspensionId: f.suspensionId,
          statement: STATEMENT_OF_OWNER,
          requestedRemedy: 'reinstate',
        });
        return { status: res.status, code: res.body.code };
      },
    };
  const STATEMENT_OF_OWNER = 'The key was used by my own team only, from our office.';

  /**
   * What each move answers in every state (request-info is the assignee's move, refused for want of an
   * appellant); filing closes an open sample case (withdrawn) and leaves a decided one as it is.
   */
  const EXPECTED: Record<string, { status: number; code?: string }> = {
    'request-info': { status: 409, code: 'invalid_transition' },
    withdraw: { status: 404, code: 'not_found' },
    'appellant reply': { status: 404, code: 'not_found' },
    'file (close_into_appeal)': { status: 201 },
  };

  const pairs = SAMPLE_STATES.flatMap((state) => Object.keys(moves).map((move) => ({ state, move })));

  it.each(pairs)('$state + $move', async ({ state, move }) => {
    const f = await sampleCase();
    await REACH[state](app, f);
    const answer = await moves[move](f, state);
    const expected = EXPECTED[move];
    expect({ status: answer.status, code: answer.code }).toEqual({
      status: expected.status,
      code: expected.code,
    });
    if (move === 'file (close_into_appeal)') {
      const sample = await app.http
        .get(`/v1/appeals/${f.appealId}`)
        .set(app.bearer(...SENIOR))
        .expect(200);
      expect(sample.body).toMatchObject({
        origin: 'sample',
        status: state === 'decided' ? 'decided' : 'withdrawn',
      });
    }
  });
});
