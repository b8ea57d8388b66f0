import type { Permission } from '@redress/kernel';
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { allows, type Session } from './auth/session';
import { useSession } from './auth/session-context';
import { SignInPage } from './auth/sign-in-page';
import { Loading, Notice } from './components/notice';
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

function Header({ session }: { session: Session | null }) {
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
  const { session } = useSession();
  const { t } = useI18n();
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const route = session ? resolve(path) : null;

  useEffect(() => {
    if (session && !route) navigate(home(session), { replace: true });
  }, [session, route]);

  // A route change moves focus to the page, as a full page load would, and names the page in the title.
  useEffect(() => {
    document.title = `${route ? t(route.title) : t('signIn.title')} · ${t('app.name')}`;
    main.current?.focus();
  }, [path, route?.title, t, session]);

  let content: ReactNode;
  if (!session) content = <SignInPage />;
  else if (!route) content = null;
  else if (!allows(session, route.permission)) content = <Notice tone="warning">{t('nav.notForYou')}</Notice>;
  else content = route.page;

  return (
    <>
      <Header session={session} />
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </main>
    </>
  );
}
