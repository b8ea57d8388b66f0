import type { Permission } from '@redress/kernel';
import { allows } from '../../auth/session';
import { useSignedIn } from '../../auth/session-context';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';
import { Link } from '../../router/router';
import { LedgerPanel } from './ledger-panel';
import { ReconciliationPanel } from './reconciliation-panel';
import { RefundsPanel } from './refunds-panel';

const TABS = ['refunds', 'ledger', 'reconciliation'] as const;
export type FinanceTab = (typeof TABS)[number];

/** What each tab reads: the reconciliation export is finance's alone; admins read refunds and the ledger. */
export const FINANCE_TAB_PERMISSIONS: Record<FinanceTab, Permission> = {
  refunds: 'refund.list',
  ledger: 'ledger.read',
  reconciliation: 'reconciliation.read',
};

export function FinancePage({ tab }: { tab: FinanceTab }) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const tabs = TABS.filter((x) => allows(session, FINANCE_TAB_PERMISSIONS[x]));
  return (
    <section aria-labelledby="finance-title">
      <h1 id="finance-title">{t('finance.title')}</h1>
      <nav aria-label={t('finance.sections')} className="tabs">
        {tabs.map((x) => (
          <Link key={x} to={`/finance/${x}`} aria-current={x === tab ? 'page' : undefined}>
            {t(`finance.tab.${x}` as StringKey)}
          </Link>
        ))}
      </nav>
      {tab === 'refunds' && <RefundsPanel />}
      {tab === 'ledger' && <LedgerPanel />}
      {tab === 'reconciliation' && allows(session, 'reconciliation.read') && <ReconciliationPanel />}
    </section>
  );
}
