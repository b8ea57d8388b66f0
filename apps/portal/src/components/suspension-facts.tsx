import type { Suspension } from '../api/client';
import { formatDate, formatDateTime, formatMoney, formatSpan } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/**
 * What the suspension notice said, as the statement of reasons requires: the reason and the clause,
 * the reasons in the platform's words, whether a machine detected or decided it, the money held, and
 * how long is left to appeal.
 */
export function SuspensionFacts({
  suspension: s,
  now = Date.now(),
}: {
  suspension: Suspension;
  now?: number;
}) {
  const { lang, t } = useI18n();
  const left = Date.parse(s.appealDeadline) - now;
  return (
    <dl class="facts">
      <dt>{t('suspension.reason')}</dt>
      <dd>{t(`reason.${s.reasonCode}`)}</dd>
      <dt>{t('suspension.policyClause')}</dt>
      <dd>{s.policyClause}</dd>
      <dt>{t('suspension.statementOfReasons')}</dt>
      <dd class="prose">{s.statementOfReasons}</dd>
      <dt>{t('suspension.automatedDetection')}</dt>
      <dd>{s.automatedDetection ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('suspension.automatedDecision')}</dt>
      <dd>{s.automatedDecision ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('suspension.frozenBalance')}</dt>
      <dd>{formatMoney(s.frozenBalance, lang)}</dd>
      <dt>{t('suspension.status')}</dt>
      <dd>{t(`suspensionStatus.${s.status}`)}</dd>
      <dt>{t('suspension.suspendedAt')}</dt>
      <dd>{formatDate(s.suspendedAt, lang)}</dd>
      <dt>{t('suspension.deadline')}</dt>
      <dd>
        {formatDateTime(s.appealDeadline, lang)}{' '}
        <strong class={left > 0 ? '' : 'overdue'}>
          {left > 0
            ? t('suspension.timeLeft', { span: formatSpan(left, lang) })
            : t('suspension.deadlinePassed')}
        </strong>
      </dd>
    </dl>
  );
}
