import { isEventType, storedEvent, type EventOf } from './events';

const decided = {
  appealId: 'a1',
  suspensionId: 's1',
  accountId: 'acct_1',
  accountEmail: 'a@example.com',
  locale: 'en',
  outcome: 'overturned',
  rationale: 'The traffic came from an evaluation harness.',
  decidedAt: '2026-01-01T00:00:00.000Z',
  odsBodyName: 'Appeals Centre Europe',
  odsBodyUrl: 'https://www.appealscentre.eu/',
} as const;

describe('the event contract', () => {
  // `npm run typecheck` holds these: each @ts-expect-error fails the build once its line compiles.
  it('pairs every type with its own payload, so a wrong payload does not compile', () => {
    const events: EventOf[] = [
      { type: 'appeal.decided', payload: decided },
      { type: 'refund.payout_requested', payload: { refundId: 'r1' } },
      // @ts-expect-error a payout request names its refund, not a job
      { type: 'refund.payout_requested', payload: { jobId: 'j1' } },
      // @ts-expect-error a decision notice without its rationale
      { type: 'appeal.decided', payload: { ...decided, rationale: undefined } },
      // @ts-expect-error an outcome the decision vocabulary does not have
      { type: 'appeal.decided', payload: { ...decided, outcome: 'pardoned' } },
      // @ts-expect-error a type that is no event of the contract
      { type: 'refund.sent', payload: { refundId: 'r1' } },
      // @ts-expect-error the payload of another event under this type
      { type: 'suspension.lifted', payload: decided },
    ];
    expect(events).toHaveLength(7);
  });

  it('reads an event back only under a type of the contract, with a payload', () => {
    expect(storedEvent('e1', 'refund.payout_requested', { refundId: 'r1' })).toEqual({
      id: 'e1',
      type: 'refund.payout_requested',
      payload: { refundId: 'r1' },
    });
    expect(() => storedEvent('e2', 'refund.sent', {})).toThrow('unknown type: refund.sent');
    expect(() => storedEvent('e3', 'appeal.decided', null)).toThrow('no payload');
    expect([isEventType('sla.breached'), isEventType('toString'), isEventType(42)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
