import type { Appeal, InboxItem } from '../../api/client';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/**
 * The decision and why, and where to go if the person disagrees: the out-of-court dispute body is
 * named in the decision notice Redress sent (from its configuration), shown here as it was sent.
 */
export function DecisionPanel({
  decision,
  notice,
}: {
  decision: NonNullable<Appeal['decision']>;
  notice: InboxItem | null;
}) {
  const { lang, t } = useI18n();
  return (
    <section aria-labelledby="decision-title" class="card decision">
      <h2 id="decision-title">{t('decision.title')}</h2>
      <p class="outcome">
        <strong>{t(`outcome.${decision.outcome}`)}</strong>
      </p>
      <p>{t('decision.decidedAt', { date: formatDate(decision.decidedAt, lang) })}</p>
      <h3>{t('decision.rationale')}</h3>
      <p class="prose">{decision.rationale}</p>
      <h3>{t('decision.disagree')}</h3>
      <p>{t('decision.disagreeIntro')}</p>
      {notice?.body ? (
        <details open>
          <summary>{notice.subject ?? t('decision.notice')}</summary>
          <p class="prose notice-text" lang={notice.locale}>
            {notice.body}
          </p>
        </details>
      ) : (
        <p>{t('decision.noticePending')}</p>
      )}
    </section>
  );
}
