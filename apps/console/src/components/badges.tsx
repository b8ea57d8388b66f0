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

/** A flagged wave, or (with its own `help`) a detector version the breaker flagged. */
export function FlaggedBadge({ help = 'waves.flaggedHelp' }: { help?: StringKey }) {
  const { t } = useI18n();
  return (
    <span className="badge badge-flagged" title={t(help)}>
      <span aria-hidden="true">⚑ </span>
      {t('waves.flagged')}
    </span>
  );
}
