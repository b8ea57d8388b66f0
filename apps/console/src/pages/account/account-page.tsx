import { ok } from '@redress/sdk';
import { useSignedIn } from '../../auth/session-context';
import { ErrorNotice, Loading } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { useI18n } from '../../i18n/i18n';
import { AccountHistory } from './account-history';

/** An account on its own page: where a search for an account id leads, and finance's way to a case's account. */
export function AccountPage({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const account = useLoad(
    () => ok(api.GET('/v1/accounts/{accountId}', { params: { path: { accountId } } })),
    [api, accountId],
  );
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title', { account: accountId })}</h1>
      <ErrorNotice error={account.error} />
      <section className="card" aria-labelledby="account-history-title">
        <h2 id="account-history-title">{t('account.context')}</h2>
        {account.data ? <AccountHistory account={account.data} /> : !account.error && <Loading />}
      </section>
    </section>
  );
}
