import { ok } from '@redress/sdk';
import { useCallback } from 'react';
import { allows } from '../../auth/session';
import { useSignedIn } from '../../auth/session-context';
import type { StaffAppeal } from '../../api/types';
import { FlaggedBadge, StatusBadge } from '../../components/badges';
import type { StringKey } from '../../i18n/strings.en';
import { ErrorNotice, Loading, Notice } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { formatDate, formatPercent } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useLocation } from '../../router/router';
import { BulkDecisionForm, JobProgress } from './bulk-decision';
import { loadWaveDays, WaveOutcomeChart, WaveTimelineChart } from './wave-charts';

/** Every appeal of the wave, whatever its status, with its outcome. */
function WaveAppeals({ appeals, complete }: { appeals: StaffAppeal[]; complete: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="wave-appeals-title">
      <h2 id="wave-appeals-title">{t('wave.appeals', { n: appeals.length })}</h2>
      {!complete && <p className="muted small">{t('wave.appealsSample')}</p>}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('wave.appeals', { n: appeals.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.case')}</th>
              <th scope="col">{t('queue.status')}</th>
              <th scope="col">{t('case.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {appeals.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/cases/${a.id}`}>{a.accountId}</Link>
                </td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td>{a.decision ? t(`outcome.${a.decision.outcome}` as StringKey) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function WavePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { api, session } = useSignedIn();
  const { search } = useLocation();
  // The job id lives in the address, so a reload keeps following the same job.
  const jobId = search.get('job');
  const wave = useLoad(() => ok(api.GET('/v1/waves/{id}', { params: { path: { id } } })), [api, id]);
  const canReadQueue = allows(session, 'queue.work');
  const days = useLoad(
    () => (canReadQueue ? loadWaveDays(api, id) : Promise.resolve(null)),
    [api, id, canReadQueue],
  );
  const reloadWave = wave.reload;
  const reloadDays = days.reload;
  const finished = useCallback(() => {
    void reloadWave();
    void reloadDays();
  }, [reloadWave, reloadDays]);

  if (wave.error && !wave.data) return <ErrorNotice error={wave.error} />;
  if (!wave.data) return <Loading />;
  const w = wave.data;
  return (
    <article aria-labelledby="wave-title">
      <p>
        <Link to="/waves">← {t('waves.title')}</Link>
      </p>
      <div className="page-head">
        <h1 id="wave-title">
          {w.name} {w.flagged && <FlaggedBadge />}
        </h1>
      </div>
      <p className="muted">
        {t('waves.detector')}: {w.detector} · {t('waves.created')}: {formatDate(w.createdAt, lang)}
      </p>
      {w.description && <p>{w.description}</p>}
      {w.flagged && <Notice tone="warning">{t('waves.flaggedHelp')}</Notice>}
      <dl className="summary">
        <div>
          <dt>{t('waves.suspensions')}</dt>
          <dd>{w.statistics.suspensions}</dd>
        </div>
        <div>
          <dt>{t('waves.filed')}</dt>
          <dd>{w.statistics.appealsFiled}</dd>
        </div>
        <div>
          <dt>{t('waves.open')}</dt>
          <dd>{w.statistics.appealsOpen}</dd>
        </div>
        <div>
          <dt>{t('waves.decided')}</dt>
          <dd>{w.statistics.appealsDecided}</dd>
        </div>
        <div>
          <dt>{t('waves.overturnRate')}</dt>
          <dd>{formatPercent(w.statistics.overturnRate, lang)}</dd>
        </div>
      </dl>
      <div className="grid-2">
        <WaveOutcomeChart wave={w} />
        {canReadQueue ? (
          days.data ? (
            <WaveTimelineChart days={days.data.days} read={days.data.read} complete={days.data.complete} />
          ) : (
            <ErrorNotice error={days.error} />
          )
        ) : (
          <Notice>{t('wave.timelineNeedsReviewer')}</Notice>
        )}
      </div>
      {canReadQueue && (
        <p>
          <Link to={`/queue?waveId=${w.id}`}>{t('wave.openInQueue')}</Link>
        </p>
      )}
      {days.data && <WaveAppeals appeals={days.data.appeals} complete={days.data.complete} />}
      {jobId && allows(session, 'job.read') && <JobProgress jobId={jobId} onFinished={finished} />}
      {allows(session, 'wave.decide') && (
        <BulkDecisionForm
          wave={w}
          onStarted={(job) => navigate(`/waves/${w.id}?job=${job}`, { replace: true })}
        />
      )}
    </article>
  );
}
