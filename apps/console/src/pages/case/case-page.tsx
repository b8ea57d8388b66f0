import { ifMatch, ok } from '@redress/sdk';
import { useState } from 'react';
import { explainProblem, isConflict } from '../../api/problem-text';
import { staffView } from '../../api/staff-view';
import type { StaffAppeal, StaffSuspension } from '../../api/types';
import { allows } from '../../auth/session';
import { useSignedIn } from '../../auth/session-context';
import { StatusBadge } from '../../components/badges';
import { SampleBadge } from '../../components/sample-badge';
import { ErrorNotice, Loading, Notice } from '../../components/notice';
import { SlaCountdown } from '../../components/sla-countdown';
import { useLoad, useNow } from '../../components/use-load';
import { actionRoute } from '../../domain/case-actions';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';
import { Link } from '../../router/router';
import { CaseActions, type Perform } from './case-actions';
import { EvidenceList } from './evidence-list';
import { HistoryTimeline } from './history-timeline';
import { MessagesThread } from './messages-thread';
import { heldBalance, SuspensionPanel } from './suspension-panel';

interface CaseData {
  appeal: StaffAppeal;
  suspension: StaffSuspension;
}

export function CasePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { api, session } = useSignedIn();
  const now = useNow();
  const [appealOverride, setAppealOverride] = useState<StaffAppeal>();
  const [feedback, setFeedback] = useState<{ tone: 'success' | 'warning'; text: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [threadVersion, setThreadVersion] = useState(0);
  const loaded = useLoad(async (): Promise<CaseData> => {
    const appeal = staffView(await ok(api.GET('/v1/appeals/{id}', { params: { path: { id } } })));
    const suspension = staffView(
      await ok(api.GET('/v1/suspensions/{id}', { params: { path: { id: appeal.suspensionId } } })),
    );
    return { appeal, suspension };
  }, [api, id]);
  const appeal =
    appealOverride && appealOverride.version >= (loaded.data?.appeal.version ?? 0)
      ? appealOverride
      : loaded.data?.appeal;

  const refresh = async () => {
    setAppealOverride(undefined);
    setThreadVersion((v) => v + 1);
    await loaded.reload();
  };

  const perform: Perform = async (action, body) => {
    if (!appeal) return false;
    setBusy(true);
    setFeedback(undefined);
    setError(undefined);
    try {
      const updated = await ok(
        api.POST(actionRoute(action), {
          params: { path: { id: appeal.id } },
          headers: ifMatch(appeal),
          // each form builds its own route's body (case-actions.tsx); one call over six routes cannot say which
          body: body as never,
        }),
      );
      setAppealOverride(updated);
      setFeedback({ tone: 'success', text: t('case.done', { action: t(`action.${action}`) }) });
      setThreadVersion((v) => v + 1);
      if (action === 'decide') await loaded.reload();
      return true;
    } catch (e) {
      if (isConflict(e)) {
        // Someone else moved the case: show what it is now instead of the stale copy.
        setFeedback({ tone: 'warning', text: `${explainProblem(e, t)} ${t('case.refreshed')}` });
        await refresh();
      } else {
        setError(e);
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (loaded.error && !loaded.data) return <ErrorNotice error={loaded.error} />;
  if (!appeal || !loaded.data) return <Loading />;
  const { suspension } = loaded.data;

  return (
    <article aria-labelledby="case-title" className="case">
      <p>
        <Link to="/queue">← {t('case.backToQueue')}</Link>
      </p>
      <div className="page-head">
        <h1 id="case-title">
          {t('case.title', { account: appeal.accountId })} <SampleBadge origin={appeal.origin} />
        </h1>
        <button
          type="button"
          onClick={() => {
            setFeedback(undefined);
            setError(undefined);
            void refresh();
          }}
        >
          {t('common.refresh')}
        </button>
      </div>
      <dl className="summary" aria-label={t('case.summary')}>
        <div>
          <dt>{t('queue.status')}</dt>
          <dd>
            <StatusBadge status={appeal.status} />
          </dd>
        </div>
        <div>
          <dt>{t('queue.level')}</dt>
          <dd>{appeal.level}</dd>
        </div>
        <div>
          <dt>{t('queue.priority')}</dt>
          <dd>{appeal.priority}</dd>
        </div>
        <div>
          <dt>{t('queue.slaColumn')}</dt>
          <dd>
            <SlaCountdown appeal={appeal} now={now} />
          </dd>
        </div>
        <div>
          <dt>{t('queue.assignee')}</dt>
          <dd>
            {appeal.assigneeId === session.actor.sub
              ? t('queue.you')
              : (appeal.assigneeId ?? t('queue.unassigned'))}
          </dd>
        </div>
        <div>
          <dt>{t('queue.submitted')}</dt>
          <dd>{formatDateTime(appeal.submittedAt, lang)}</dd>
        </div>
        {appeal.infoDueAt && appeal.status === 'awaiting_appellant' && (
          <div>
            <dt>{t('case.infoDue')}</dt>
            <dd>{formatDateTime(appeal.infoDueAt, lang)}</dd>
          </div>
        )}
        {appeal.waveId && (
          <div>
            <dt>{t('queue.wave')}</dt>
            <dd>
              <Link to={`/waves/${appeal.waveId}`}>{appeal.waveId.slice(0, 8)}</Link>
            </dd>
          </div>
        )}
      </dl>
      <div aria-live="polite">{feedback && <Notice tone={feedback.tone}>{feedback.text}</Notice>}</div>
      <ErrorNotice error={error} />
      <div className="case-grid">
        <div className="case-main">
          <CaseActions
            appeal={appeal}
            actor={session.actor}
            now={now}
            perform={perform}
            refundable={heldBalance(suspension)}
            busy={busy}
          />
          {appeal.decision && (
            <section className="card" aria-labelledby="decision-title">
              <h2 id="decision-title">{t('case.decision')}</h2>
              <p>
                <strong>{t(`outcome.${appeal.decision.outcome}` as StringKey)}</strong> ·{' '}
                {t('case.by', { who: appeal.decision.decidedBy })} ·{' '}
                {formatDateTime(appeal.decision.decidedAt, lang)}
              </p>
              <blockquote className="quote">{appeal.decision.rationale}</blockquote>
            </section>
          )}
          <section className="card" aria-labelledby="statement-title">
            <h2 id="statement-title">{t('case.appellantStatement')}</h2>
            <p className="muted small">
              {t('case.requestedRemedy')}: {t(`remedy.${appeal.requestedRemedy}` as StringKey)}
            </p>
            <blockquote className="quote">{appeal.statement}</blockquote>
          </section>
          <MessagesThread
            key={`m-${threadVersion}`}
            appealId={appeal.id}
            canPost={allows(session, 'appeal.write_internal')}
            onPosted={() => void loaded.reload()}
          />
          <EvidenceList appealId={appeal.id} />
        </div>
        <div className="case-side">
          <SuspensionPanel suspension={suspension} />
          <HistoryTimeline appealId={appeal.id} version={appeal.version + threadVersion} />
        </div>
      </div>
    </article>
  );
}
