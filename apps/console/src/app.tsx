import type { Permission } from '@redress/kernel';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { allows, EXPIRY_WARNING_MS, type Session } from './auth/session';
import { useSession } from './auth/session-context';
import { SignInPage } from './auth/sign-in-page';
import { Loading, Notice } from './components/notice';
import { SearchDialog } from './components/search-dialog';
import { useKeys } from './components/use-keys';
import { useNow } from './components/use-load';
import { ariaKeys, GLOBAL_KEYS } from './domain/keyboard-map';
import { formatDateTime } from './i18n/format';
import { AccountPage } from './pages/account/account-page';
import { LANGUAGES, useI18n, type Lang } from './i18n/i18n';
import type { StringKey } from './i18n/strings.en';
import { CasePage } from './pages/case/case-page';
import { FINANCE_TAB_PERMISSIONS, FinancePage, type FinanceTab } from './pages/finance/finance-page';
import { QueuePage } from './pages/queue-page';
import { WavesPage } from './pages/waves/waves-page';
import { Link, match, navigate, useLocation } from './router/router';

// The chart library is most of the bundle; only the pages with charts load it.
const WavePage = lazy(() => import('./pages/waves/wave-page').then((m) => ({ default: m.WavePage })));
const ReportsPage = lazy(() => import('./pages/reports-page').then((m) => ({ default: m.ReportsPage })));
const DetectorsPage = lazy(() =>
  import('./pages/detectors/detectors-page').then((m) => ({ default: m.DetectorsPage })),
);

/** A section, shown to whoever may call the API route its page is built on. */
interface Section {
  path: string;
  label: StringKey;
  permission: Permission;
}

const SECTIONS: Section[] = [
  { path: '/queue', label: 'nav.queue', permission: 'queue.work' },
  { path: '/waves', label: 'nav.waves', permission: 'wave.read' },
  { path: '/detectors', label: 'nav.detectors', permission: 'detector.read' },
  { path: '/finance/refunds', label: 'nav.finance', permission: 'refund.list' },
  { path: '/reports', label: 'nav.reports', permission: 'report.read' },
];

/** Each route, who may see it, and what it renders. */
function resolve(path: string): { title: StringKey; permission: Permission; page: ReactNode } | null {
  let params: Record<string, string> | null;
  if (path === '/queue') return { title: 'nav.queue', permission: 'queue.work', page: <QueuePage /> };
  if ((params = match('/cases/:id', path)))
    return {
      title: 'nav.case',
      permission: 'appeal.read_any',
      page: <CasePage key={params.id} id={params.id} />,
    };
  if ((params = match('/accounts/:accountId', path)))
    return {
      title: 'nav.account',
      permission: 'account.read',
      page: <AccountPage key={params.accountId} accountId={params.accountId} />,
    };
  if (path === '/waves') return { title: 'nav.waves', permission: 'wave.read', page: <WavesPage /> };
  if ((params = match('/waves/:id', path)))
    return { title: 'nav.wave', permission: 'wave.read', page: <WavePage key={params.id} id={params.id} /> };
  if (path === '/detectors')
    return { title: 'nav.detectors', permission: 'detector.read', page: <DetectorsPage /> };
  if ((params = match('/finance/:tab', path)) && Object.hasOwn(FINANCE_TAB_PERMISSIONS, params.tab)) {
    const tab = params.tab as FinanceTab;
    return {
      title: 'nav.finance',
      permission: FINANCE_TAB_PERMISSIONS[tab],
      page: <FinancePage tab={tab} />,
    };
  }
  if (path === '/reports') return { title: 'nav.reports', permission: 'report.read', page: <ReportsPage /> };
  return null;
}

/** Shown from EXPIRY_WARNING_MS before the token runs out: sign in again in time, drafts are kept. */
function ExpiryWarning({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const now = useNow(15_000);
  if (session.expiresAt - now.getTime() > EXPIRY_WARNING_MS) return null;
  return (
    <Notice tone="warning">
      {t('session.expiring', { at: formatDateTime(new Date(session.expiresAt).toISOString(), lang) })}
    </Notice>
  );
}

function Header({ session, onSearch }: { session: Session | null; onSearch: () => void }) {
  const { t, lang, setLang } = useI18n();
  const { signOut } = useSession();
  const { path } = useLocation();
  return (
    <header className="top">
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <div className="brand">
        <span aria-hidden="true">⚖</span> {t('app.name')}
      </div>
      {session && (
        <nav aria-label={t('nav.main')} className="main-nav">
          {SECTIONS.filter((s) => allows(session, s.permission)).map((s) => (
            <Link
              key={s.path}
              to={s.path}
              aria-current={path.startsWith(s.path.split('/').slice(0, 2).join('/')) ? 'page' : undefined}
            >
              {t(s.label)}
            </Link>
          ))}
        </nav>
      )}
      <div className="who">
        {session && allows(session, 'search.use') && (
          <button type="button" onClick={onSearch} aria-keyshortcuts={ariaKeys(GLOBAL_KEYS, 'search')}>
            {t('search.open')}
          </button>
        )}
        <label htmlFor="lang" className="visually-hidden">
          {t('nav.language')}
        </label>
        <select id="lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.label}
            </option>
          ))}
        </select>
        {session && (
          <>
            <span className="whoami">
              {session.actor.sub}{' '}
              <span className="muted small">
                ({session.actor.roles.map((r) => t(`role.${r}` as StringKey)).join(', ')})
              </span>
            </span>
            <button type="button" onClick={signOut}>
              {t('nav.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}

// Where each kind of user starts: their own work first, then what they may read.
const HOME_ORDER = ['/queue', '/reports', '/finance/refunds', '/waves'];

function home(session: Session): string {
  const section = HOME_ORDER.map((path) => SECTIONS.find((s) => s.path === path)!).find((s) =>
    allows(session, s.permission),
  );
  return section?.path ?? '/waves';
}

export function App() {
  const { session, checking } = useSession();
  const { t } = useI18n();
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const [searching, setSearching] = useState(false);
  const route = session ? resolve(path) : null;
  useKeys(GLOBAL_KEYS, {
    search: () => {
      if (allows(session, 'search.use')) setSearching(true);
    },
  });

  useEffect(() => {
    if (session && !route) navigate(home(session), { replace: true });
  }, [session, route]);

  // A route change moves focus to the page, as a full page load would, and names the page in the title.
  useEffect(() => {
    document.title = `${route ? t(route.title) : t('signIn.title')} · ${t('app.name')}`;
    main.current?.focus();
  }, [path, route?.title, t, session]);

  let content: ReactNode;
  if (checking) content = <Loading />;
  else if (!session) content = <SignInPage />;
  else if (!route) content = null;
  else if (!allows(session, route.permission)) content = <Notice tone="warning">{t('nav.notForYou')}</Notice>;
  else content = route.page;

  return (
    <>
      <Header session={session} onSearch={() => setSearching(true)} />
      <main id="main" ref={main} tabIndex={-1}>
        {session && <ExpiryWarning session={session} />}
        {session && searching && <SearchDialog onClose={() => setSearching(false)} />}
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </main>
    </>
  );
}
