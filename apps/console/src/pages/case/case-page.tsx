import type { Money } from '@redress/kernel';
import { ifMatch, ok } from '@redress/sdk';
import { useState } from 'react';
import { explainProblem, isConflict } from '../../api/problem-text';
import { staffView } from '../../api/staff-view';
import type { StaffAppeal, StaffSuspension } from '../../api/types';
import { allows } from '../../auth/session';
import { useSignedIn } from '../../auth/session-context';
import { StatusBadge } from '../../components/badges';
import { SampleBadge } from '../../components/sample-badge';
import { setFlash } from '../../components/flash';
import { ErrorNotice, Loading, Notice } from '../../components/notice';
import { ShortcutHelp } from '../../components/shortcut-help';
import { SlaCountdown } from '../../components/sla-countdown';
import { useKeys } from '../../components/use-keys';
import { useLoad, useNow } from '../../components/use-load';
import { actionRoute } from '../../domain/case-actions';
import { CASE_KEYS, GLOBAL_KEYS } from '../../domain/keyboard-map';
import type { CaseFacts } from '../../domain/macro-fill';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';
import { Link, navigate } from '../../router/router';
import { AccountHistory, type Account } from '../account/account-history';
import { CaseActions, type Perform } from './case-actions';
import { EvidenceList } from './evidence-list';
import { HistoryTimeline } from './history-timeline';
import { MessagesThread } from './messages-thread';
import { SuspensionPanel } from './suspension-panel';

interface CaseData {
  appeal: StaffAppeal;
  suspension: StaffSuspension;
  account: Account | null;
}

/** Frozen, less what was released and what refunds (but rejected ones) already claim. */
export function refundableOf(s: StaffSuspension, account: Account | null): Money {
  const claimed = (account?.refunds ?? [])
    .filter((r) => r.suspensionId === s.id && r.status !== 'rejected')
    .reduce((sum, r) => sum + r.amount.amountMinor, 0);
  return {
    currency: s.frozenBalance.currency,
    amountMinor: Math.max(0, s.frozenBalance.amountMinor - s.releasedBalance.amountMinor - claimed),
  };
}

export function CasePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { api, session } = useSignedIn();
  const now = useNow();
  const [appealOverride, setAppealOverride] = useState<StaffAppeal>();
  const [feedback, setFeedback] = useState<{ tone: 'success' | 'warning'; text: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [help, setHelp] = useState(false);
  const [threadVersion, setThreadVersion] = useState(0);
  const canWorkQueue = allows(session, 'queue.work');
  const loaded = useLoad(async (): Promise<CaseData> => {
    const appeal = staffView(await ok(api.GET('/v1/appeals/{id}', { params: { path: { id } } })));
    const [suspension, account] = await Promise.all([
      ok(api.GET('/v1/suspensions/{id}', { params: { path: { id: appeal.suspensionId } } })).then(staffView),
      allows(session, 'account.read')
        ? ok(api.GET('/v1/accounts/{accountId}', { params: { path: { accountId: appeal.accountId } } }))
        : Promise.resolve(null),
    ]);
    return { appeal, suspension, account };
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

  /** "… & next": the next case the caller may take is claimed and opened; none left, back to the queue. */
  const takeNext = async () => {
    setError(undefined);
    try {
      const next = await ok(api.POST('/v1/review/next'));
      if (next) navigate(`/cases/${next.id}`);
      else {
        setFlash(t('queue.nothingToTake'));
        navigate('/queue');
      }
    } catch (e) {
      setError(e);
    }
  };

  const perform: Perform = async (action, body, options) => {
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
      if (options?.next) {
        await takeNext();
        return true;
      }
      setAppealOverride(updated);
      setFeedback({ tone: 'success', text: t(`case.done.${action}` as StringKey) });
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

  useKeys(CASE_KEYS, {
    next: () => {
      if (canWorkQueue) void takeNext();
    },
    back: () => {
      if (help) return;
      if (canWorkQueue) navigate('/queue');
    },
    note: () => document.getElementById('message-body')?.focus(),
    help: () => setHelp(true),
  });

  if (loaded.error && !loaded.data) return <ErrorNotice error={loaded.error} />;
  if (!appeal || !loaded.data) return <Loading />;
  const { suspension, account } = loaded.data;
  const refundable = refundableOf(suspension, account);
  const waveName = account?.waves.find((w) => w.id === appeal.waveId)?.name;
  const facts: CaseFacts = {
    policyClause: suspension.policyClause,
    reasonCode: suspension.reasonCode,
    appealDeadline: suspension.appealDeadline,
    suspendedAt: suspension.suspendedAt,
    decisionDueAt: appeal.decisionDueAt,
    accountId: appeal.accountId,
    frozenBalance: suspension.frozenBalance,
    refundable,
    waveName,
  };
  const refunds = account?.refunds.filter((r) => r.appealId === appeal.id) ?? [];

  return (
    <article aria-labelledby="case-title" className="case">
      {canWorkQueue && (
        <p>
          <Link to="/queue" aria-keyshortcuts="Escape">
            ← {t('case.backToQueue')}
          </Link>
        </p>
      )}
      <div className="page-head">
        <h1 id="case-title">
          {t('case.title', { account: appeal.accountId })} <SampleBadge origin={appeal.origin} />
        </h1>
        <div className="actions-inline">
          <button type="button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            {t('keys.open')}
          </button>
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
      </div>
      {help && <ShortcutHelp maps={[CASE_KEYS, GLOBAL_KEYS]} onClose={() => setHelp(false)} />}
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
          <dt>{t('case.language')}</dt>
          <dd lang={suspension.locale}>{t(`locale.${suspension.locale}` as StringKey)}</dd>
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
              <Link to={`/waves/${appeal.waveId}`}>{waveName ?? appeal.waveId.slice(0, 8)}</Link>
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
            refundable={refundable}
            busy={busy}
            context={{ owner: session.actor.sub, caseId: appeal.id, locale: suspension.locale, facts }}
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
              {refunds.map((r) => (
                <p key={r.id} data-refund-id={r.id}>
                  {t('case.refundOfDecision', {
                    amount: formatMoney(r.amount, lang),
                    status: t(`refundStatus.${r.status}` as StringKey),
                  })}
                </p>
              ))}
            </section>
          )}
          <section className="card" aria-labelledby="statement-title">
            <h2 id="statement-title">{t('case.appellantStatement')}</h2>
            <p className="muted small">
              {t('case.requestedRemedy')}: {t(`remedy.${appeal.requestedRemedy}` as StringKey)}
            </p>
            <blockquote className="quote">{appeal.statement}</blockquote>
          </section>
          <SuspensionPanel suspension={suspension} />
          <MessagesThread
            key={`m-${threadVersion}`}
            appealId={appeal.id}
            canPost={allows(session, 'appeal.write_internal')}
            onPosted={() => void loaded.reload()}
            draftOwner={session.actor.sub}
          />
          <EvidenceList appealId={appeal.id} />
        </div>
        <div className="case-side">
          {account && (
            <section className="card" aria-labelledby="account-title">
              <h2 id="account-title">{t('account.context')}</h2>
              <AccountHistory account={account} currentAppealId={appeal.id} />
            </section>
          )}
          <HistoryTimeline appealId={appeal.id} version={appeal.version + threadVersion} />
        </div>
      </div>
    </article>
  );
}
