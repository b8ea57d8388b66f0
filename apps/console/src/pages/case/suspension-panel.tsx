import { ok } from '@redress/sdk';
import type { StaffSuspension } from '../../api/types';
import { useSignedIn } from '../../auth/session-context';
import { allows } from '../../auth/session';
import { StatusBadge } from '../../components/badges';
import { ErrorNotice } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';

/** The DSA Transparency Database layout, for those allowed to read it (admin, enforcement). */
function DsaStatement({ suspensionId }: { suspensionId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const sor = useLoad(
    () =>
      ok(api.GET('/v1/suspensions/{id}/statement-of-reasons', { params: { path: { id: suspensionId } } })),
    [api, suspensionId],
  );
  return (
    <details>
      <summary>{t('case.dsaStatement')}</summary>
      <ErrorNotice error={sor.error} />
      {sor.data && (
        <dl className="kv">
          {Object.entries(sor.data).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{Array.isArray(v) ? v.join(', ') : String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}

export function SuspensionPanel({ suspension }: { suspension: StaffSuspension }) {
  const { t, lang } = useI18n();
  const { session } = useSignedIn();
  const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <section className="card" aria-labelledby="suspension-title">
      <h2 id="suspension-title">{t('case.suspension')}</h2>
      <dl className="kv">
        <div>
          <dt>{t('case.suspensionStatus')}</dt>
          <dd>
            <StatusBadge status={suspension.status} kind="suspension" />
          </dd>
        </div>
        <div>
          <dt>{t('queue.reasonCode')}</dt>
          <dd>{t(`reason.${suspension.reasonCode}` as StringKey)}</dd>
        </div>
        <div>
          <dt>{t('case.policyClause')}</dt>
          <dd>{suspension.policyClause}</dd>
        </div>
        <div>
          <dt>{t('case.suspendedAt')}</dt>
          <dd>{formatDateTime(suspension.suspendedAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('case.automated')}</dt>
          <dd>
            {t('case.automatedDetection')}: {yes(suspension.automatedDetection)} ·{' '}
            {t('case.automatedDecision')}: {yes(suspension.automatedDecision)}
          </dd>
        </div>
        <div>
          <dt>{t('case.frozen')}</dt>
          <dd>
            {formatMoney(suspension.frozenBalance, lang)}
            {suspension.releasedBalance.amountMinor > 0 &&
              ` (${t('case.released', { amount: formatMoney(suspension.releasedBalance, lang) })})`}
          </dd>
        </div>
        <div>
          <dt>{t('case.externalRef')}</dt>
          <dd>{suspension.externalRef}</dd>
        </div>
      </dl>
      <h3>{t('case.statementOfReasons')}</h3>
      <blockquote className="quote">{suspension.statementOfReasons}</blockquote>
      {allows(session, 'suspension.read_statement') && <DsaStatement suspensionId={suspension.id} />}
      <h3>{t('case.signals')}</h3>
      <p className="muted small">{t('case.signalsHelp')}</p>
      <pre className="signals">{JSON.stringify(suspension.signals, null, 2)}</pre>
    </section>
  );
}
