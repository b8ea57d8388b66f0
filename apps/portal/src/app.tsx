import { Header } from './components/header';
import { useI18n } from './i18n/i18n';
import { AccessPage } from './pages/access-page';
import { LinkPage } from './pages/link-page';
import { NotFoundPage } from './pages/not-found-page';
import { SuspensionPage } from './pages/suspension-page';
import { SuspensionsPage } from './pages/suspensions-page';
import { parseRoute, usePath } from './router';
import { useSession } from './session/use-session';

/** Which page the address asks for; without a session every page but the link's own is the link page. */
export function App() {
  const { t } = useI18n();
  const path = usePath();
  const session = useSession();
  const route = parseRoute(path);
  let page;
  if (route.name === 'access') page = <AccessPage />;
  else if (route.name === 'not_found') page = <NotFoundPage />;
  else if (!session) page = <LinkPage suspensionId={route.name === 'suspension' ? route.id : undefined} />;
  else if (route.name === 'suspension') page = <SuspensionPage key={route.id} id={route.id} />;
  else page = <SuspensionsPage />;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header signedIn={!!session} />
      <main id="main" key={`${path}:${session ? 'in' : 'out'}`}>
        {page}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
