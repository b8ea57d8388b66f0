import { useI18n } from '../i18n/i18n';

/** Marks a sample case: opened by a detector's sampled review, not filed by the person. */
export function SampleBadge({ origin }: { origin: string }) {
  const { t } = useI18n();
  if (origin !== 'sample') return null;
  return (
    <span className="badge badge-sample" title={t('sample.help')}>
      {t('sample.badge')}
    </span>
  );
}
