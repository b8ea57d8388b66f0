import type { StringKey } from '../i18n/strings.en';
import { useI18n } from '../i18n/i18n';

export function StatusBadge({
  status,
  kind = 'appeal',
}: {
  status: string;
  kind?: 'appeal' | 'refund' | 'suspension' | 'job';
}) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`${kind}Status.${status}` as StringKey)}</span>;
}

export function FlaggedBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-flagged" title={t('waves.flaggedHelp')}>
      <span aria-hidden="true">⚑ </span>
      {t('waves.flagged')}
    </span>
  );
}
