import type { components } from '@redress/sdk';
import { allows } from '../../auth/session';
import { useSignedIn } from '../../auth/session-context';
import { StatusBadge } from '../../components/badges';
import { formatDate, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';
import { Link } from '../../router/router';

export type Account = components['schemas']['AccountResponse'];

/**
 * An account's history beside a case or on its own page (`GET /v1/accounts/:accountId`): earlier
 * suspensions and appeals with their outcomes, refunds with status and amount, its waves by name.
 * Links only where the reader's roles can follow them.
 */
export function AccountHistory({ account, currentAppealId }: { account: Account; currentAppealId?: string }) {
  const { t, lang } = useI18n();
  const { session } = useSignedIn();
  const canOpenCases = allows(session, 'appeal.read_any');
  const waveName = (id: string | null | undefined) => account.waves.find((w) => w.id === id)?.name;
  const appealOf = (suspensionId: string) => account.appeals.find((a) => a.suspensionId === suspensionId);
  return (
    <div className="account-history">
      <h3>{t('account.suspensions', { n: account.suspensions.length })}</h3>
      <ul className="plain">
        {account.suspensions.map((s) => {
          const appeal = appealOf(s.id);
          return (
            <li key={s.id}>
              <StatusBadge status={s.status} kind="suspension" /> {t(`reason.${s.reasonCode}` as StringKey)} ·{' '}
              {formatDate(s.suspendedAt, lang)} · {formatMoney(s.frozenBalance, lang)}
              {s.waveId && waveName(s.waveId) && (
                <>
                  {' · '}
                  <Link to={`/waves/${s.waveId}`}>{waveName(s.waveId)}</Link>
                </>
              )}
              {appeal && (
                <div className="small">
                  {t('account.appeal')}: <StatusBadge status={appeal.status} />
                  {appeal.decision && <> {t(`outcome.${appeal.decision.outcome}` as StringKey)}</>}
                  {appeal.id === currentAppealId ? (
                    <span className="muted"> ({t('account.thisCase')})</span>
                  ) : (
                    canOpenCases && (
                      <>
                        {' · '}
                        <Link to={`/cases/${appeal.id}`}>{t('account.openCase')}</Link>
                      </>
                    )
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <h3>{t('account.refunds', { n: account.refunds.length })}</h3>
      {account.refunds.length === 0 ? (
        <p className="muted small">{t('account.noRefunds')}</p>
      ) : (
        <ul className="plain">
          {account.refunds.map((r) => (
            <li key={r.id} data-refund-id={r.id}>
              {formatMoney(r.amount, lang)} · {t(`refundStatus.${r.status}` as StringKey)} ·{' '}
              {formatDate(r.createdAt, lang)}
            </li>
          ))}
        </ul>
      )}
      {account.truncated.length > 0 && <p className="muted small">{t('account.truncated')}</p>}
    </div>
  );
}
