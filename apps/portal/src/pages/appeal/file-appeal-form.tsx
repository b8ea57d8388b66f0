import { ok } from '@redress/sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Remedy } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { Notice } from '../../components/notice';
import { TextCounter } from '../../components/text-counter';
import { STATEMENT_MAX, STATEMENT_MIN, lengthState, trimText } from '../../domain/visible-length';
import { useI18n } from '../../i18n/i18n';
import { clearDraft, readDraft, saveDraft } from '../../session/drafts';

const REMEDIES: Remedy[] = ['reinstate_or_refund', 'reinstate', 'refund_only'];

/**
 * Filing an appeal in two steps: write (the statement is saved as a draft while typed) and choose a
 * remedy, then read it all back before sending, since an appeal cannot be edited once filed.
 */
export function FileAppealForm({ suspensionId, onFiled }: { suspensionId: string; onFiled: () => void }) {
  const { t } = useI18n();
  const draftKey = `statement.${suspensionId}`;
  const [statement, setStatement] = useState(() => readDraft(draftKey));
  const [remedy, setRemedy] = useState<Remedy>('reinstate_or_refund');
  const [reviewing, setReviewing] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const state = lengthState(statement, STATEMENT_MIN, STATEMENT_MAX);

  const stepChanged = useRef(false);
  // moving between the two steps puts focus on the new step's heading (not on first showing the form)
  useEffect(() => {
    if (stepChanged.current) stepHeading.current?.focus();
    stepChanged.current = true;
  }, [reviewing]);

  function write(text: string) {
    setStatement(text);
    saveDraft(draftKey, text);
  }

  function review(event: Event) {
    event.preventDefault();
    setShowErrors(true);
    if (state === 'ok') setReviewing(true);
  }

  async function send() {
    setBusy(true);
    setError(null);
    try {
      await ok(
        api.POST('/v1/appeals', {
          body: { suspensionId, statement: trimText(statement), requestedRemedy: remedy },
        }),
      );
      clearDraft(draftKey);
      onFiled();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  if (reviewing)
    return (
      <section aria-labelledby="appeal-step" class="card">
        <h2 id="appeal-step" ref={stepHeading} tabIndex={-1}>
          {t('file.reviewTitle')}
        </h2>
        <p>{t('file.reviewIntro')}</p>
        <dl class="facts">
          <dt>{t('file.statement')}</dt>
          <dd class="prose">{trimText(statement)}</dd>
          <dt>{t('file.remedy')}</dt>
          <dd>{t(`remedy.${remedy}`)}</dd>
        </dl>
        {error !== null && <Notice kind="error">{problemText(error, t)}</Notice>}
        <div class="actions">
          <button type="button" disabled={busy} onClick={send}>
            {t('file.send')}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setReviewing(false)}>
            {t('file.change')}
          </button>
        </div>
      </section>
    );

  const invalid = showErrors && state !== 'ok';
  return (
    <section aria-labelledby="appeal-step" class="card">
      <h2 id="appeal-step" ref={stepHeading} tabIndex={-1}>
        {t('file.title')}
      </h2>
      <form onSubmit={review} noValidate>
        <label for="statement">{t('file.statement')}</label>
        <p class="hint" id="statement-hint">
          {t('file.statementHint', { min: STATEMENT_MIN, max: STATEMENT_MAX })}
        </p>
        <textarea
          id="statement"
          rows={10}
          value={statement}
          aria-describedby="statement-hint statement-count"
          aria-invalid={invalid}
          onInput={(event) => write(event.currentTarget.value)}
        />
        <TextCounter id="statement-count" text={statement} min={STATEMENT_MIN} max={STATEMENT_MAX} />
        {invalid && (
          <Notice kind="error">
            {t('file.statementInvalid', { min: STATEMENT_MIN, max: STATEMENT_MAX })}
          </Notice>
        )}
        <fieldset>
          <legend>{t('file.remedy')}</legend>
          {REMEDIES.map((value) => (
            <div class="choice" key={value}>
              <input
                type="radio"
                id={`remedy-${value}`}
                name="remedy"
                value={value}
                checked={remedy === value}
                onChange={() => setRemedy(value)}
              />
              <label for={`remedy-${value}`}>{t(`remedy.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('file.review')}</button>
      </form>
    </section>
  );
}
