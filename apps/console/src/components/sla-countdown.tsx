import type { StaffAppeal } from '../api/types';
import { formatDateTime, formatSpan } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/**
 * Time left until the decision is due. Breached cases say so in words (not only in colour); while the
 * appellant is being waited for the server pauses the clock, so the countdown says that instead.
 */
export function SlaCountdown({ appeal, now }: { appeal: StaffAppeal; now: Date }) {
  const { t, lang } = useI18n();
  if (appeal.status === 'decided' || appeal.status === 'withdrawn') return <span className="muted">—</span>;
  const due = new Date(appeal.decisionDueAt).getTime();
  const left = due - now.getTime();
  const title = t('sla.dueAt', { at: formatDateTime(appeal.decisionDueAt, lang) });
  if (appeal.slaBreached || left <= 0) {
    return (
      <span className="sla sla-breached" title={title}>
        {t('sla.breached', { span: formatSpan(-left, t) })}
      </span>
    );
  }
  if (appeal.status === 'awaiting_appellant') {
    return (
      <span className="sla sla-paused" title={title}>
        {t('sla.paused', { span: formatSpan(left, t) })}
      </span>
    );
  }
  return (
    <span className={left < 24 * 3_600_000 ? 'sla sla-soon' : 'sla'} title={title}>
      {t('sla.left', { span: formatSpan(left, t) })}
    </span>
  );
}
