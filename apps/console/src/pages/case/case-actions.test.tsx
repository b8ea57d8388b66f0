import type { Actor, Role } from '@redress/kernel';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StaffAppeal } from '../../api/types';
import { I18nProvider } from '../../i18n/i18n';
import { CaseActions, type Perform } from './case-actions';

const NOW = new Date('2026-11-20T12:00:00Z');

function appeal(overrides: Partial<StaffAppeal> = {}): StaffAppeal {
  return {
    id: '7b0a3c1e-1111-4222-8333-444455556666',
    suspensionId: '7b0a3c1e-aaaa-4bbb-8ccc-ddddeeeeffff',
    accountId: 'acct_1',
    origin: 'appellant',
    status: 'submitted',
    level: 1,
    statement: 'The flagged traffic was our own nightly evaluation suite.',
    requestedRemedy: 'reinstate_or_refund',
    assigned: false,
    assigneeId: null,
    submittedAt: '2026-11-19T12:00:00Z',
    infoDueAt: null,
    decisionDueAt: '2026-12-03T12:00:00Z',
    slaBreached: false,
    priority: 60,
    reasonCode: 'model_distillation',
    waveId: null,
    decision: null,
    version: 3,
    updatedAt: '2026-11-19T12:00:00Z',
    ...overrides,
  };
}

const as = (sub: string, ...roles: Role[]): Actor => ({ sub, roles });

function renderActions(
  a: StaffAppeal,
  actor: Actor,
  perform: Perform = vi.fn(async () => true),
  lang: 'en' | 'zh-CN' = 'en',
) {
  render(
    <I18nProvider lang={lang}>
      <CaseActions
        appeal={a}
        actor={actor}
        now={NOW}
        perform={perform}
        refundable={{ amountMinor: 12500, currency: 'USD' }}
      />
    </I18nProvider>,
  );
  return perform;
}

/** The action buttons shown, by their visible names. */
function shown(): string[] {
  const group = screen.queryByRole('group', { name: 'Actions' });
  return group
    ? within(group)
        .getAllByRole('button')
        .map((b) => b.textContent ?? '')
    : [];
}

describe('case action buttons follow the appeal state machine', () => {
  const decided = {
    status: 'decided' as const,
    assigneeId: 'rev_1',
    decision: {
      outcome: 'upheld' as const,
      rationale: 'x'.repeat(20),
      decidedBy: 'rev_1',
      decidedAt: '2026-11-10T12:00:00Z',
    },
  };

  it.each([
    ['a reviewer on a submitted level-1 appeal', appeal(), as('rev_1', 'reviewer'), ['Claim']],
    [
      'a reviewer on an escalated appeal',
      appeal({ status: 'escalated', level: 2 }),
      as('rev_1', 'reviewer'),
      [],
    ],
    [
      'a senior on an escalated appeal',
      appeal({ status: 'escalated', level: 2 }),
      as('sen_1', 'senior_reviewer'),
      ['Claim'],
    ],
    [
      'the assignee of a level-1 case in review',
      appeal({ status: 'in_review', assigneeId: 'rev_1', assigned: true }),
      as('rev_1', 'reviewer'),
      ['Release', 'Request information', 'Escalate', 'Decide'],
    ],
    [
      'another reviewer on someone else’s case',
      appeal({ status: 'in_review', assigneeId: 'rev_2' }),
      as('rev_1', 'reviewer'),
      [],
    ],
    [
      'a senior on someone else’s case (may release it)',
      appeal({ status: 'in_review', assigneeId: 'rev_2' }),
      as('sen_1', 'senior_reviewer'),
      ['Release'],
    ],
    [
      'a reviewer still assigned to a level-2 case',
      appeal({ status: 'in_review', level: 2, assigneeId: 'rev_1' }),
      as('rev_1', 'reviewer'),
      ['Release', 'Request information'],
    ],
    [
      'the senior assignee of a level-2 case',
      appeal({ status: 'in_review', level: 2, assigneeId: 'sen_1' }),
      as('sen_1', 'senior_reviewer'),
      ['Release', 'Request information', 'Decide'],
    ],
    [
      'the assignee while the appellant is asked',
      appeal({ status: 'awaiting_appellant', assigneeId: 'rev_1' }),
      as('rev_1', 'reviewer'),
      [],
    ],
    ['a senior on a decision 10 days old', appeal(decided), as('sen_1', 'senior_reviewer'), ['Reopen']],
    ['a reviewer on a decided appeal', appeal(decided), as('rev_1', 'reviewer'), []],
    [
      'a senior on a decision 31 days old',
      appeal({ ...decided, decision: { ...decided.decision, decidedAt: '2026-10-20T11:00:00Z' } }),
      as('sen_1', 'senior_reviewer'),
      [],
    ],
    ['finance on a submitted appeal', appeal(), as('fin_1', 'finance'), []],
    ['an admin on a submitted appeal', appeal(), as('adm_1', 'admin'), []],
    [
      'anyone on a withdrawn appeal',
      appeal({ status: 'withdrawn' }),
      as('sen_1', 'senior_reviewer', 'reviewer'),
      [],
    ],
  ])('%s', (_, a, actor, expected) => {
    renderActions(a, actor);
    expect(shown()).toEqual(expected);
    if (expected.length === 0) expect(screen.getByText(/Nothing you can do/)).toBeTruthy();
  });

  it('claims at once, with no form', () => {
    const perform = renderActions(appeal(), as('rev_1', 'reviewer'));
    fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
    expect(perform).toHaveBeenCalledWith('claim', {});
  });

  it('decides with outcome, rationale and a refund in minor units', () => {
    const perform = renderActions(
      appeal({ status: 'in_review', assigneeId: 'rev_1' }),
      as('rev_1', 'reviewer'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Decide' }));
    fireEvent.click(screen.getByLabelText('Modified'));
    fireEvent.change(screen.getByLabelText(/Rationale/), {
      target: { value: 'Partly our detector’s mistake; refund half.' },
    });
    fireEvent.click(screen.getByLabelText(/Propose a refund/));
    fireEvent.change(screen.getByLabelText(/Refund amount/), { target: { value: '62.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(perform).toHaveBeenCalledWith('decide', {
      outcome: 'modified',
      rationale: 'Partly our detector’s mistake; refund half.',
      refund: { amountMinor: 6250 },
    });
  });

  it('refuses a refund above what is still frozen before asking the server', () => {
    const perform = renderActions(
      appeal({ status: 'in_review', assigneeId: 'rev_1' }),
      as('rev_1', 'reviewer'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Decide' }));
    fireEvent.change(screen.getByLabelText(/Rationale/), {
      target: { value: 'Overturned: the detector misfired here.' },
    });
    fireEvent.click(screen.getByLabelText(/Propose a refund/));
    fireEvent.change(screen.getByLabelText(/Refund amount/), { target: { value: '126' } });
    expect((screen.getByRole('button', { name: 'Record decision' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(perform).not.toHaveBeenCalled();
  });

  it('offers no default outcome and starts a refund at the refundable amount', () => {
    const perform = renderActions(
      appeal({ status: 'in_review', assigneeId: 'rev_1' }),
      as('rev_1', 'reviewer'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Decide' }));
    fireEvent.change(screen.getByLabelText(/Rationale/), {
      target: { value: 'Overturned: the detector misfired here.' },
    });
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect((screen.getByRole('button', { name: 'Record decision' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.click(screen.getByLabelText(/Propose a refund/));
    expect((screen.getByLabelText(/Refund amount/) as HTMLInputElement).value).toBe('125.00');
    fireEvent.click(screen.getByLabelText('Overturned'));
    fireEvent.click(screen.getByRole('button', { name: 'Record decision & next' }));
    expect(perform).toHaveBeenCalledWith(
      'decide',
      {
        outcome: 'overturned',
        rationale: 'Overturned: the detector misfired here.',
        refund: { amountMinor: 12500 },
      },
      { next: true },
    );
  });

  it('requests information with a question and a due date in days', () => {
    const perform = renderActions(
      appeal({ status: 'in_review', assigneeId: 'rev_1' }),
      as('rev_1', 'reviewer'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Request information' }));
    fireEvent.change(screen.getByLabelText(/Question to the appellant/), {
      target: { value: 'Which IP ranges ran it?' },
    });
    fireEvent.change(screen.getByLabelText(/Reply due in/), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(perform).toHaveBeenCalledWith('request_info', {
      message: 'Which IP ranges ran it?',
      dueInDays: 3,
    });
  });

  it('names the buttons in Simplified Chinese when that language is chosen', () => {
    renderActions(
      appeal({ status: 'in_review', assigneeId: 'rev_1' }),
      as('rev_1', 'reviewer'),
      undefined,
      'zh-CN',
    );
    const group = screen.getByRole('group', { name: '操作' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['释放', '要求补充信息', '升级', '裁决']);
  });
});
