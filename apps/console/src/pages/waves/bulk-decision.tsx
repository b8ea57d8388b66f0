import { DECISION_OUTCOMES, type DecisionOutcome } from '@redress/kernel';
import { ok } from '@redress/sdk';
import { useEffect, useState, type FormEvent } from 'react';
import type { Job, Wave } from '../../api/types';
import { useSignedIn } from '../../auth/session-context';
import { StatusBadge } from '../../components/badges';
import { ErrorNotice } from '../../components/notice';
import { formatPercent } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';

const POLL_MS = 1000;
const MIN_RATIONALE = 20;

export const progressOf = (job: Pick<Job, 'processed' | 'total' | 'state'>): number =>
  job.total > 0 ? Math.min(1, job.processed / job.total) : job.state === 'completed' ? 1 : 0;

/** Follows GET /v1/jobs/:id until the job is finished, as a labelled progress bar. */
export function JobProgress({ jobId, onFinished }: { jobId: string; onFinished: () => void }) {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await ok(api.GET('/v1/jobs/{id}', { params: { path: { id: jobId } } }));
        if (stopped) return;
        setJob(next);
        setError(undefined);
        if (next.state === 'completed' || next.state === 'failed') return onFinished();
      } catch (e) {
        if (!stopped) setError(e);
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, jobId, onFinished]);
  const share = job ? progressOf(job) : 0;
  const percent = Math.round(share * 100);
  return (
    <section className="card" aria-labelledby="job-title">
      <h3 id="job-title">{t('bulk.progressTitle')}</h3>
      <ErrorNotice error={error} />
      <div
        className="progress"
        role="progressbar"
        aria-labelledby="job-title"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={formatPercent(share, lang)}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p aria-live="polite" className="job-status">
        {job ? (
          <>
            <StatusBadge status={job.state} kind="job" /> <span data-testid="job-percent">{percent} %</span> ·{' '}
            {t('bulk.processed', { processed: job.processed, total: job.total })}
            {job.failed > 0 && <> · {t('bulk.failedCount', { n: job.failed })}</>}
          </>
        ) : (
          t('common.loading')
        )}
      </p>
    </section>
  );
}

/** A senior reviewer decides every open appeal of a wave at once; the worker does it in chunks. */
export function BulkDecisionForm({ wave, onStarted }: { wave: Wave; onStarted: (jobId: string) => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [rationale, setRationale] = useState('');
  const [includeUnappealed, setIncludeUnappealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return;
    if (!confirming) return setConfirming(true);
    setError(undefined);
    try {
      const { jobId } = await ok(
        api.POST('/v1/waves/{id}/bulk-decision', {
          params: { path: { id: wave.id } },
          body: { outcome, rationale, includeUnappealed },
        }),
      );
      setConfirming(false);
      setRationale('');
      setIncludeUnappealed(false);
      onStarted(jobId);
    } catch (e) {
      setError(e);
    }
  };
  // counted by the server: active suspensions nobody appealed, so a wave already lifted offers none
  const unappealed = wave.statistics.unappealedActive;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t('bulk.title')}</h2>
      <p className="muted">{t('bulk.help')}</p>
      <fieldset>
        <legend>{t('case.outcome')}</legend>
        <div className="checks">
          {DECISION_OUTCOMES.map((o) => (
            <label key={o} className="check">
              <input
                type="radio"
                name="bulk-outcome"
                value={o}
                checked={outcome === o}
                onChange={() => {
                  setOutcome(o);
                  setConfirming(false);
                  if (o === 'upheld') setIncludeUnappealed(false);
                }}
              />
              {t(`outcome.${o}` as StringKey)}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="bulk-rationale">{t('case.rationale')}</label>
      <textarea
        id="bulk-rationale"
        rows={3}
        minLength={MIN_RATIONALE}
        maxLength={10000}
        required
        value={rationale}
        onChange={(e) => {
          setRationale(e.target.value);
          setConfirming(false);
        }}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={includeUnappealed}
          disabled={outcome === 'upheld' || unappealed === 0}
          onChange={(e) => {
            setIncludeUnappealed(e.target.checked);
            setConfirming(false);
          }}
        />
        {t('bulk.includeUnappealed', { n: unappealed })}
      </label>
      {confirming && (
        <p className="notice notice-warning" role="alert">
          {t('bulk.confirm', {
            n: wave.statistics.appealsOpen,
            outcome: t(`outcome.${outcome}` as StringKey),
            extra: includeUnappealed ? t('bulk.confirmExtra', { n: unappealed }) : '',
          })}
        </p>
      )}
      <ErrorNotice error={error} />
      <div className="actions-inline">
        <button
          type="submit"
          className={confirming ? 'danger' : 'primary'}
          disabled={!outcome || rationale.trim().length < MIN_RATIONALE}
        >
          {confirming ? t('bulk.confirmButton') : t('bulk.submit')}
        </button>
        {confirming && (
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
