import { useEffect, useRef } from 'react';
import type { KeyBinding } from '../domain/keyboard-map';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings.en';

/** The `?` overlay: every key of the page's map and the global ones, with what each does. */
export function ShortcutHelp({
  maps,
  onClose,
}: {
  maps: readonly (readonly KeyBinding<string>[])[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const label = (key: string) => (key.startsWith('Ctrl+') ? `Ctrl + ${key.slice(5).toUpperCase()}` : key);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="keys-title" onClose={onClose}>
      <h2 id="keys-title">{t('keys.title')}</h2>
      <table className="keys">
        <caption className="visually-hidden">{t('keys.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('keys.key')}</th>
            <th scope="col">{t('keys.does')}</th>
          </tr>
        </thead>
        <tbody>
          {maps.flat().map((b) => (
            <tr key={b.command}>
              <td>
                {b.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{label(k)}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`keys.${b.command}` as StringKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="primary">
          {t('common.close')}
        </button>
      </form>
    </dialog>
  );
}
