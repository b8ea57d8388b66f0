import { DECISION_OUTCOMES, type Actor, type DecisionOutcome, type Money } from '@redress/kernel';
import { useState, type FormEvent } from 'react';
import type { StaffAppeal } from '../../api/types';
import { caseActionsFor, type CaseAction } from '../../domain/case-actions';
import { formatDateTime, formatMoney, toMinorUnits } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';

export type ActionBody = Record<string, unknown>;
export type Perform = (action: CaseAction, body: ActionBody) => Promise<boolean>;

const MIN_RATIONALE = 20;
const MIN_REASON = 3;

function RequestInfoForm({ perform, onCancel, now }: { perform: Perform; onCancel: () => void; now: Date }) {
  const { t, lang } = useI18n();
  const [message, setMessage] = useState('');
  const [days, setDays] = useState(7);
  const due = new Date(now.getTime() + days * 86_400_000).toISOString();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void perform('request_info', { message, dueInDays: days });
  };
  return (
    <form onSubmit={submit} className="action-form" aria-labelledby="ri-title">
      <h3 id="ri-title">{t('action.request_info')}</h3>
      <label htmlFor="ri-message">{t('case.questionToAppellant')}</label>
      <textarea
        id="ri-message"
        rows={4}
        maxLength={5000}
        required
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <label htmlFor="ri-days">{t('case.dueInDays')}</label>
      <input
        id="ri-days"
        type="number"
        min={1}
        max={30}
        required
        value={days}
        onChange={(e) => setDays(Number(e.target.value))}
        aria-describedby="ri-due"
      />
      <p id="ri-due" className="muted small">
        {t('case.replyDueBy', { at: formatDateTime(due, lang) })}
      </p>
      <div className="actions-inline">
        <button type="submit" className="primary" disabled={!message.trim()}>
          {t('case.sendRequest')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ReasonForm({
  action,
  perform,
  onCancel,
}: {
  action: 'escalate' | 'reopen';
  perform: Perform;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void perform(action, { reason });
  };
  return (
    <form onSubmit={submit} className="action-form" aria-labelledby={`${action}-title`}>
      <h3 id={`${action}-title`}>{t(`action.${action}`)}</h3>
      <label htmlFor={`${action}-reason`}>{t('case.reason')}</label>
      <textarea
        id={`${action}-reason`}
        rows={3}
        minLength={MIN_REASON}
        maxLength={2000}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="actions-inline">
        <button type="submit" className="primary" disabled={reason.trim().length < MIN_REASON}>
          {t(`action.${action}`)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function DecideForm({
  perform,
  onCancel,
  refundable,
}: {
  perform: Perform;
  onCancel: () => void;
  refundable?: Money;
}) {
  const { t, lang } = useI18n();
  const [outcome, setOutcome] = useState<DecisionOutcome>('overturned');
  const [rationale, setRationale] = useState('');
  const [withRefund, setWithRefund] = useState(false);
  const [amount, setAmount] = useState('');
  const currency = refundable?.currency ?? 'USD';
  const minor = withRefund ? toMinorUnits(amount, currency) : null;
  const amountInvalid =
    withRefund && (minor === null || minor <= 0 || (refundable && minor > refundable.amountMinor));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (amountInvalid) return;
    void perform('decide', {
      outcome,
      rationale,
      ...(withRefund && minor !== null ? { refund: { amountMinor: minor } } : {}),
    });
  };
  return (
    <form onSubmit={submit} className="action-form" aria-labelledby="decide-title">
      <h3 id="decide-title">{t('action.decide')}</h3>
      <fieldset>
        <legend>{t('case.outcome')}</legend>
        <div className="checks">
          {DECISION_OUTCOMES.map((o) => (
            <label key={o} className="check">
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              {t(`outcome.${o}` as StringKey)}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="decide-rationale">{t('case.rationale')}</label>
      <textarea
        id="decide-rationale"
        rows={4}
        minLength={MIN_RATIONALE}
        maxLength={10000}
        required
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        aria-describedby="decide-rationale-help"
      />
      <p id="decide-rationale-help" className="muted small">
        {t('case.rationaleHelp', { n: MIN_RATIONALE, count: rationale.trim().length })}
      </p>
      <label className="check">
        <input type="checkbox" checked={withRefund} onChange={(e) => setWithRefund(e.target.checked)} />
        {t('case.proposeRefund')}
      </label>
      {withRefund && (
        <>
          <label htmlFor="decide-amount">{t('case.refundAmount', { currency })}</label>
          <input
            id="decide-amount"
            inputMode="decimal"
            required
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={amountInvalid || undefined}
            aria-describedby="decide-amount-help"
          />
          <p
            id="decide-amount-help"
            className={amountInvalid && amount ? 'notice notice-error' : 'muted small'}
          >
            {refundable
              ? t('case.refundableHelp', { amount: formatMoney(refundable, lang) })
              : t('case.refundHelp')}
          </p>
        </>
      )}
      <div className="actions-inline">
        <button
          type="submit"
          className="primary"
          disabled={rationale.trim().length < MIN_RATIONALE || amountInvalid}
        >
          {t('case.recordDecision')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The moves the state machine allows this person on this case now, and nothing else. Claim and release
 * act at once; the others open a short form.
 */
export function CaseActions({
  appeal,
  actor,
  now,
  perform,
  refundable,
  busy = false,
}: {
  appeal: StaffAppeal;
  actor: Actor;
  now: Date;
  perform: Perform;
  refundable?: Money;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const actions = caseActionsFor(appeal, actor, now);
  const run: Perform = async (action, body) => {
    const ok = await perform(action, body);
    if (ok) setOpen(null);
    return ok;
  };
  const close = () => setOpen(null);
  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('case.actions')}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t('case.noActions')}</p>
      ) : (
        <div className="actions-inline" role="group" aria-label={t('case.actions')}>
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'decide' || action === 'claim' ? 'primary' : undefined}
              disabled={busy}
              aria-expanded={action === 'claim' || action === 'release' ? undefined : open === action}
              onClick={() =>
                action === 'claim' || action === 'release'
                  ? void run(action, {})
                  : setOpen(open === action ? null : action)
              }
            >
              {t(`action.${action}`)}
            </button>
          ))}
        </div>
      )}
      {open === 'request_info' && actions.includes('request_info') && (
        <RequestInfoForm perform={run} onCancel={close} now={now} />
      )}
      {(open === 'escalate' || open === 'reopen') && actions.includes(open) && (
        <ReasonForm action={open} perform={run} onCancel={close} />
      )}
      {open === 'decide' && actions.includes('decide') && (
        <DecideForm perform={run} onCancel={close} refundable={refundable} />
      )}
    </section>
  );
}
