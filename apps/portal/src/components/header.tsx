import { useI18n } from '../i18n/i18n';
import { LANGS, type Lang } from '../i18n/locale';
import { BASE, linkProps } from '../router';
import { endSession } from '../session/session';

const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The page's name, the language switch (each language named in itself) and, when signed in, sign out. */
export function Header({ signedIn }: { signedIn: boolean }) {
  const { lang, t, choose } = useI18n();
  return (
    <header class="site-header">
      <a class="site-name" {...linkProps(`${BASE}/`)}>
        {t('app.title')}
      </a>
      <div class="header-tools">
        <div role="group" aria-label={t('app.language')} class="lang-switch">
          {LANGS.map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              aria-pressed={code === lang}
              onClick={() => choose(code)}
            >
              {LANG_NAMES[code]}
            </button>
          ))}
        </div>
        {signedIn && (
          <button type="button" class="secondary" onClick={() => endSession('signed_out')}>
            {t('app.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
