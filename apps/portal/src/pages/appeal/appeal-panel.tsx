import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { SuspensionCase } from '../suspension-data';
import { DecisionPanel } from './decision-panel';
import { EvidencePanel } from './evidence-panel';
import { MessagesPanel } from './messages-panel';
import { RefundPanel } from './refund-panel';

const CLOSED = ['decided', 'withdrawn'];

/** The filed appeal as it stands: its status, the decision and refund once there, the thread and the evidence. */
export function AppealPanel({ case: c, reload }: { case: SuspensionCase; reload: () => void }) {
  const { lang, t } = useI18n();
  const appeal = c.appeal!;
  const open = !CLOSED.includes(appeal.status);
  return (
    <>
      <section aria-labelledby="appeal-title" class="card">
        <h2 id="appeal-title">{t('appeal.title')}</h2>
        <dl class="facts">
          <dt>{t('appeal.status')}</dt>
          <dd>
            <strong class={`status status-${appeal.status}`}>{t(`appealStatus.${appeal.status}`)}</strong>
          </dd>
          <dt>{t('appeal.submittedAt')}</dt>
          <dd>{formatDateTime(appeal.submittedAt, lang)}</dd>
          {open && (
            <>
              <dt>{t('appeal.decisionDue')}</dt>
              <dd>{formatDate(appeal.decisionDueAt, lang)}</dd>
            </>
          )}
          <dt>{t('file.remedy')}</dt>
          <dd>{t(`remedy.${appeal.requestedRemedy}`)}</dd>
          <dt>{t('file.statement')}</dt>
          <dd class="prose">{appeal.statement}</dd>
        </dl>
        <button type="button" class="secondary" onClick={reload}>
          {t('common.refresh')}
        </button>
      </section>
      {appeal.decision && <DecisionPanel decision={appeal.decision} notice={c.decisionNotice} />}
      {c.refunds.length > 0 && <RefundPanel refunds={c.refunds} />}
      <MessagesPanel appeal={appeal} onSent={reload} />
      <EvidencePanel appealId={appeal.id} open={open} />
    </>
  );
}
