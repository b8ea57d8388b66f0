import type { Refund } from '../../api/client';
import { formatDate, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/** Each refund of the suspension: how much, and where it is on its way (proposed, approved, paid). */
export function RefundPanel({ refunds }: { refunds: Refund[] }) {
  const { lang, t } = useI18n();
  return (
    <section aria-labelledby="refund-title" class="card">
      <h2 id="refund-title">{t('refund.title')}</h2>
      <ul class="plain">
        {refunds.map((refund) => (
          <li key={refund.id}>
            <p>
              <strong>{formatMoney(refund.amount, lang)}</strong> —{' '}
              <span class={`status status-${refund.status}`}>{t(`refundStatus.${refund.status}`)}</span>
            </p>
            {refund.paidAt && (
              <p>
                {t('refund.paidAt', { date: formatDate(refund.paidAt, lang) })}
                {refund.providerRef && ` · ${t('refund.reference', { ref: refund.providerRef })}`}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
