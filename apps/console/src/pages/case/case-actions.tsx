import { DECISION_OUTCOMES, type Actor, type DecisionOutcome, type Money } from '@redress/kernel';
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { StaffAppeal } from '../../api/types';
import { useDraft } from '../../components/use-draft';
import { useKeys } from '../../components/use-keys';
import { caseActionsFor, type CaseAction } from '../../domain/case-actions';
import { ariaKeys, CASE_KEYS, commandFor, GLOBAL_KEYS } from '../../domain/keyboard-map';
import type { CaseFacts } from '../../domain/macro-fill';
import { currencyExponent, formatDateTime, formatMoney, toMinorUnits } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';
import { MacroPicker } from './macro-picker';

export type ActionBody = Record<string, unknown>;
/** Runs an action; with `next`, the next case is claimed and opened once it succeeds. */
export type Perform = (action: CaseAction, body: ActionBody, options?: { next: true }) => Promise<boolean>;

const MIN_RATIONALE = 20;
const MIN_REASON = 3;

/** What the forms need of the case to offer macros and keep drafts. */
export interface FormContext {
  /** who writes, for the drafts' keys */
  owner: string;
  caseId: string;
  /** the appellant's language: its macros come first */
  locale?: string;
  /** absent: no macros (the case's facts are not loaded) */
  facts?: CaseFacts;
}

interface FormProps {
  perform: Perform;
  onCancel: () => void;
  context: FormContext;
}

/** Ctrl+Enter in a form sends it and moves on to the next case. */
const submitAndNextOn = (send: (next: boolean) => void) => (event: KeyboardEvent) => {
  const command = commandFor(GLOBAL_KEYS, {
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    inField: true,
  });
  if (command !== 'submit_and_next') return;
  event.preventDefault();
  send(true);
};

const andNext = (next: boolean) => (next ? ([{ next: true }] as const) : ([] as const));

function SubmitButtons({
  label,
  disabled,
  onCancel,
  send,
}: {
  label: string;
  disabled: boolean;
  onCancel: () => void;
  send: (next: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="actions-inline">
      <button type="submit" className="primary" disabled={disabled}>
        {label}
      </button>
      <button
        type="button"
        disabled={disabled}
        onClick={() => send(true)}
        aria-keyshortcuts={ariaKeys(GLOBAL_KEYS, 'submit_and_next')}
      >
        {t('case.andNext', { action: label })}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

function RequestInfoForm({ perform, onCancel, context, now }: FormProps & { now: Date }) {
  const { t, lang } = useI18n();
  const [message, setMessage, clear] = useDraft(context.owner, context.caseId, 'question');
  const [days, setDays] = useState(7);
  const due = new Date(now.getTime() + days * 86_400_000).toISOString();
  const send = (next: boolean) => {
    if (!message.trim()) return;
    void perform('request_info', { message, dueInDays: days }, ...andNext(next)).then(
      (done) => done && clear(),
    );
  };
  return (
    <form
      onSubmit={(e: FormEvent) => (e.preventDefault(), send(false))}
      onKeyDown={submitAndNextOn(send)}
      className="action-form"
      aria-labelledby="ri-title"
    >
      <h3 id="ri-title">{t('action.request_info')}</h3>
      {context.facts && (
        <MacroPicker
          id="ri-macro"
          kind="request_info"
          facts={context.facts}
          locale={context.locale ?? lang}
          onPick={setMessage}
          autoFocus
        />
      )}
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
      <SubmitButtons
        label={t('case.sendRequest')}
        disabled={!message.trim()}
        onCancel={onCancel}
        send={send}
      />
    </form>
  );
}

function ReasonForm({ action, perform, onCancel, context }: FormProps & { action: 'escalate' | 'reopen' }) {
  const { t } = useI18n();
  const [reason, setReason, clear] = useDraft(context.owner, context.caseId, action);
  const send = (next: boolean) => {
    if (reason.trim().length < MIN_REASON) return;
    void perform(action, { reason }, ...andNext(next)).then((done) => done && clear());
  };
  return (
    <form
      onSubmit={(e: FormEvent) => (e.preventDefault(), send(false))}
      onKeyDown={submitAndNextOn(send)}
      className="action-form"
      aria-labelledby={`${action}-title`}
    >
      <h3 id={`${action}-title`}>{t(`action.${action}`)}</h3>
      <label htmlFor={`${action}-reason`}>{t('case.reason')}</label>
      <textarea
        id={`${action}-reason`}
        rows={3}
        minLength={MIN_REASON}
        maxLength={2000}
        required
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <SubmitButtons
        label={t(`action.${action}`)}
        disabled={reason.trim().length < MIN_REASON}
        onCancel={onCancel}
        send={send}
      />
    </form>
  );
}

/** An amount in minor units as the text a person types: 12500 USD → "125.00". */
const majorText = (m: Money) =>
  (m.amountMinor / 10 ** currencyExponent(m.currency)).toFixed(currencyExponent(m.currency));

function DecideForm({ perform, onCancel, context, refundable }: FormProps & { refundable?: Money }) {
  const { t, lang } = useI18n();
  // no default: an outcome is always the reviewer's own choice (or a macro's)
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [rationale, setRationale, clear] = useDraft(context.owner, context.caseId, 'rationale');
  const [withRefund, setWithRefund] = useState(false);
  const [amount, setAmount] = useState('');
  const currency = refundable?.currency ?? 'USD';
  const minor = withRefund ? toMinorUnits(amount, currency) : null;
  const amountInvalid =
    withRefund && (minor === null || minor <= 0 || (refundable && minor > refundable.amountMinor));
  const invalid = !outcome || rationale.trim().length < MIN_RATIONALE || !!amountInvalid;
  const send = (next: boolean) => {
    if (invalid) return;
    void perform(
      'decide',
      { outcome, rationale, ...(withRefund && minor !== null ? { refund: { amountMinor: minor } } : {}) },
      ...andNext(next),
    ).then((done) => done && clear());
  };
  return (
    <form
      onSubmit={(e: FormEvent) => (e.preventDefault(), send(false))}
      onKeyDown={submitAndNextOn(send)}
      className="action-form"
      aria-labelledby="decide-title"
    >
      <h3 id="decide-title">{t('action.decide')}</h3>
      {context.facts && (
        <MacroPicker
          id="decide-macro"
          kind="decision"
          facts={context.facts}
          locale={context.locale ?? lang}
          onPick={(text, macro) => {
            setRationale(text);
            if (macro.outcome) setOutcome(macro.outcome);
          }}
          autoFocus
        />
      )}
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
        <input
          type="checkbox"
          checked={withRefund}
          onChange={(e) => {
            setWithRefund(e.target.checked);
            // the refundable amount as a start: what is still frozen and not yet claimed by a refund
            if (e.target.checked && !amount && refundable) setAmount(majorText(refundable));
          }}
        />
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
      <SubmitButtons label={t('case.recordDecision')} disabled={invalid} onCancel={onCancel} send={send} />
    </form>
  );
}

/**
 * The moves the state machine allows this person on this case now, and nothing else, each on its key
 * (domain/keyboard-map.ts). Claim and release act at once; the others open a short form, which can
 * also send and go on to the next case.
 */
export function CaseActions({
  appeal,
  actor,
  now,
  perform,
  refundable,
  busy = false,
  context,
}: {
  appeal: StaffAppeal;
  actor: Actor;
  now: Date;
  perform: Perform;
  refundable?: Money;
  busy?: boolean;
  context?: FormContext;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const actions = caseActionsFor(appeal, actor, now);
  const forms: FormContext = context ?? { owner: actor.sub, caseId: appeal.id };
  const run: Perform = async (action, body, ...options) => {
    const ok = await perform(action, body, ...options);
    if (ok) setOpen(null);
    return ok;
  };
  const close = () => setOpen(null);
  const choose = (action: CaseAction) => {
    if (!actions.includes(action) || busy) return;
    if (action === 'claim' || action === 'release') void run(action, {});
    else setOpen(open === action ? null : action);
  };
  useEffect(() => {
    if (open && !actions.includes(open)) setOpen(null);
  }, [open, actions]);
  useKeys(CASE_KEYS, {
    claim: () => choose('claim'),
    release: () => choose('release'),
    request_info: () => choose('request_info'),
    escalate: () => choose('escalate'),
    decide: () => choose('decide'),
    reopen: () => choose('reopen'),
  });
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
              aria-keyshortcuts={ariaKeys(CASE_KEYS, action)}
              aria-expanded={action === 'claim' || action === 'release' ? undefined : open === action}
              onClick={() => choose(action)}
            >
              {t(`action.${action}`)}
            </button>
          ))}
        </div>
      )}
      {open === 'request_info' && actions.includes('request_info') && (
        <RequestInfoForm perform={run} onCancel={close} now={now} context={forms} />
      )}
      {(open === 'escalate' || open === 'reopen') && actions.includes(open) && (
        <ReasonForm action={open} perform={run} onCancel={close} context={forms} />
      )}
      {open === 'decide' && actions.includes('decide') && (
        <DecideForm perform={run} onCancel={close} refundable={refundable} context={forms} />
      )}
    </section>
  );
}
