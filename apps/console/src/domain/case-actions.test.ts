import { APPEAL_ACTIONS, APPEAL_TRANSITIONS } from '@libs/appeals/domain/appeal-state-machine';
import { describe, expect, it } from 'vitest';
import { ACTION_PATHS, CASE_ACTIONS } from './case-actions';

describe('the console’s case actions', () => {
  it('are actions of the server’s own transition table, each with an endpoint', () => {
    for (const action of CASE_ACTIONS) {
      expect(APPEAL_ACTIONS).toContain(action);
      expect(APPEAL_TRANSITIONS.some((rule) => rule.action === action)).toBe(true);
      expect(ACTION_PATHS[action]).toMatch(/^[a-z-]+$/);
    }
  });

  it('leave out only the moves that are not a reviewer’s on a case page', () => {
    const others = APPEAL_ACTIONS.filter((a) => !(CASE_ACTIONS as readonly string[]).includes(a));
    expect(others.sort()).toEqual([
      'appellant_reply',
      'bulk_decide',
      'close_into_appeal',
      'info_timeout',
      'lift',
      'open_sample',
      'withdraw',
    ]);
  });
});
