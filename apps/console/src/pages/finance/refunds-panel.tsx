import { REFUND_STATUSES, type RefundStatus } from '@libs/refunds/domain/refund-status';
import { ifMatch, ok, RedressProblem } from '@redress/sdk';
import { useEffect, useState, type FormEvent } from 'react';
import { explainProblem, isConflict } from '../../api/problem-text';
import type { Refund } from '../../api/types';
import { allows } from '../../auth/session';
import { useSignedIn } from '../../auth/session-context';
import { StatusBadge } from '../../components/badges';
import { ErrorNotice, Loading, Notice } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';
import { Link, navigate, useLocation } from '../../router/router';

type RefundAction = 'approve' | 'reject' | 'mark-paid' | 'retry';

/** Which finance moves fit a refund's status; the server still checks every one. */
export function refundActions(refund: Refund): RefundAction[] {
  switch (refund.status) {
    case 'proposed':
      return ['approve', 'reject'];
    case 'processing':
      return ['mark-paid'];
    case 'failed':
      return ['retry'];
    default:
      return [];
  }
}

function RefundRow({
  refund,
  me,
  canAct,
  onChanged,
}: {
  refund: Refund;
  me: string;
  canAct: boolean;
  onChanged: (text: string) => void;
}) {
  const { t, lang } = useI18n();
  const { api, session } = useSignedIn();
  const [form, setForm] = useState<'reject' | 'mark-paid' | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const ownProposal = refund.proposedBy === me;
  const act = async (action: RefundAction, body: Record<string, unknown> = {}) => {
    setError(undefined);
    try {
      await ok(
        api.POST(`/v1/refunds/{id}/${action}`, {
          params: { path: { id: refund.id } },
          headers: ifMatch(refund),
          // reject and mark-paid send their form's body; one call over the four routes cannot say which
          body: body as never,
        }),
      );
      setForm(null);
      onChanged(t(`refunds.done.${action}` as StringKey));
    } catch (e) {
      if (e instanceof RedressProblem && e.code === 'four_eyes_required')
        setError(t('refunds.fourEyesRefused'));
      else if (isConflict(e)) onChanged(`${explainProblem(e, t)} ${t('case.refreshed')}`);
      else setError(explainProblem(e, t));
    }
  };
  const submitForm = (e: FormEvent) => {
    e.preventDefault();
    if (form === 'reject') void act('reject', { reason: text });
    if (form === 'mark-paid') void act('mark-paid', { providerRef: text });
  };
  const actions = canAct ? refundActions(refund) : [];
  return (
    <li className="refund" data-refund-id={refund.id}>
      <div className="refund-row">
        <div>
          <strong className="amount">{formatMoney(refund.amount, lang)}</strong>{' '}
          <StatusBadge status={refund.status} kind="refund" />
          <div className="small">
            {t('refunds.account')}:{' '}
            {/* a link only where the reader's roles lead: finance reads accounts, not cases */}
            {allows(session, 'account.read') ? (
              <Link to={`/accounts/${encodeURIComponent(refund.accountId)}`}>{refund.accountId}</Link>
            ) : (
              refund.accountId
            )}
            {refund.appealId && allows(session, 'appeal.read_any') && (
              <>
                {' · '}
                <Link to={`/cases/${refund.appealId}`}>{t('refunds.appeal')}</Link>
              </>
            )}
            {!refund.appealId && <> · {t('refunds.noAppeal')}</>} ·{' '}
            <Link to={`/finance/ledger?accountId=${encodeURIComponent(refund.accountId)}`}>
              {t('refunds.ledger')}
            </Link>
          </div>
          <div className="muted small">
            {t('refunds.proposedBy', { who: refund.proposedBy, at: formatDateTime(refund.createdAt, lang) })}
            {refund.approvedBy && ` · ${t('refunds.approvedBy', { who: refund.approvedBy })}`}
            {refund.paidAt && ` · ${t('refunds.paidAt', { at: formatDateTime(refund.paidAt, lang) })}`}
            {refund.providerRef && ` · ${t('refunds.providerRef')}: ${refund.providerRef}`}
          </div>
          <div className="small">{refund.reason}</div>
          {refund.failureReason && <div className="notice notice-error">{refund.failureReason}</div>}
          {refund.rejectionReason && <div className="muted small">{refund.rejectionReason}</div>}
        </div>
        <div className="actions-inline">
          {actions.map((action) => {
            if (action === 'approve' && ownProposal) {
              return (
                <span key={action} className="muted small four-eyes">
                  {t('refunds.fourEyesOwn')}
                </span>
              );
            }
            return (
              <button
                key={action}
                type="button"
                className={action === 'approve' || action === 'mark-paid' ? 'primary' : undefined}
                aria-expanded={action === 'reject' || action === 'mark-paid' ? form === action : undefined}
                onClick={() => {
                  if (action === 'reject' || action === 'mark-paid') {
                    setText('');
                    setForm(form === action ? null : action);
                  } else void act(action);
                }}
              >
                {t(`refunds.action.${action}` as StringKey)}
              </button>
            );
          })}
        </div>
      </div>
      {form && (
        <form className="action-form" onSubmit={submitForm}>
          <label htmlFor={`${form}-${refund.id}`}>
            {form === 'reject' ? t('refunds.rejectReason') : t('refunds.providerRef')}
          </label>
          <input
            id={`${form}-${refund.id}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
            maxLength={2000}
          />
          {form === 'mark-paid' && <p className="muted small">{t('refunds.markPaidHelp')}</p>}
          <div className="actions-inline">
            <button type="submit" className="primary" disabled={!text.trim()}>
              {t(`refunds.action.${form}` as StringKey)}
            </button>
            <button type="button" onClick={() => setForm(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function RefundsPanel() {
  const { t } = useI18n();
  const { api, session } = useSignedIn();
  const { search } = useLocation();
  const status = (search.get('status') as RefundStatus | null) ?? 'proposed';
  const [message, setMessage] = useState<string>();
  const [extra, setExtra] = useState<Refund[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const list = (after?: string) =>
    ok(api.GET('/v1/refunds', { params: { query: { status, limit: 50, cursor: after } } }));
  const page = useLoad(() => list(), [api, status]);
  useEffect(() => {
    setExtra([]);
    setCursor(page.data?.nextCursor ?? null);
  }, [page.data]);
  const more = async () => {
    if (!cursor) return;
    const next = await list(cursor);
    setExtra((e) => [...e, ...next.data]);
    setCursor(next.nextCursor);
  };
  const refunds = [...(page.data?.data ?? []), ...extra];
  const canAct = allows(session, 'refund.settle');
  return (
    <section aria-labelledby="refunds-title">
      <h2 id="refunds-title">{t('refunds.title')}</h2>
      <p className="muted">{t('refunds.fourEyesRule')}</p>
      <div className="field inline">
        <label htmlFor="refund-status">{t('refunds.status')}</label>
        <select
          id="refund-status"
          value={status}
          onChange={(e) => {
            setMessage(undefined);
            navigate(`/finance/refunds?status=${e.target.value}`, { replace: true });
          }}
        >
          {REFUND_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`refundStatus.${s}` as StringKey)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void page.reload()}>
          {t('common.refresh')}
        </button>
      </div>
      <div aria-live="polite">{message && <Notice tone="success">{message}</Notice>}</div>
      <ErrorNotice error={page.error} />
      {page.loading && !page.data && <Loading />}
      {page.data && refunds.length === 0 && <Notice>{t('refunds.empty')}</Notice>}
      <ul className="refunds">
        {refunds.map((r) => (
          <RefundRow
            key={`${r.id}-${r.version}`}
            refund={r}
            me={session.actor.sub}
            canAct={canAct}
            onChanged={(text) => {
              setMessage(text);
              void page.reload();
            }}
          />
        ))}
      </ul>
      {cursor && (
        <button type="button" onClick={() => void more()}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
