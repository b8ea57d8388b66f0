import { STAFF_ROLES, type Role } from '@redress/kernel';
import { RedressProblem } from '@redress/sdk';
import { useState, type FormEvent } from 'react';
import { ErrorNotice, Notice } from '../components/notice';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings.en';
import { devToken } from './dev-token';
import { useSession } from './session-context';

function PasteToken() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setInvalid(!(await signIn(token)));
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="card" aria-labelledby="paste-title">
      <h2 id="paste-title">{t('signIn.pasteTitle')}</h2>
      <p className="muted">{t('signIn.pasteHelp')}</p>
      <label htmlFor="token">{t('signIn.token')}</label>
      <textarea
        id="token"
        rows={4}
        value={token}
        onChange={(e) => setToken(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={invalid ? 'token-error' : undefined}
        required
      />
      {invalid && (
        <p id="token-error" className="notice notice-error" role="alert">
          {t('signIn.invalidToken')}
        </p>
      )}
      <button type="submit" className="primary">
        {t('signIn.submit')}
      </button>
    </form>
  );
}

function DevSignIn() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [sub, setSub] = useState('rev_1');
  const [roles, setRoles] = useState<Role[]>(['reviewer']);
  const [error, setError] = useState<unknown>();
  const [unavailable, setUnavailable] = useState(false);
  const toggle = (role: Role) =>
    setRoles((current) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await signIn(await devToken({ sub, roles }));
    } catch (e) {
      if (e instanceof RedressProblem && e.status === 404) setUnavailable(true);
      else setError(e);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="card" aria-labelledby="dev-title">
      <h2 id="dev-title">{t('signIn.devTitle')}</h2>
      <p className="muted">{t('signIn.devHelp')}</p>
      {unavailable ? (
        <Notice tone="warning">{t('signIn.devUnavailable')}</Notice>
      ) : (
        <>
          <label htmlFor="dev-sub">{t('signIn.sub')}</label>
          <input id="dev-sub" value={sub} onChange={(e) => setSub(e.target.value)} required maxLength={255} />
          <fieldset>
            <legend>{t('signIn.roles')}</legend>
            <div className="checks">
              {STAFF_ROLES.map((role) => (
                <label key={role} className="check">
                  <input type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} />
                  {t(`role.${role}` as StringKey)}
                </label>
              ))}
            </div>
          </fieldset>
          <ErrorNotice error={error} />
          <button type="submit" className="primary" disabled={roles.length === 0 || !sub.trim()}>
            {t('signIn.devSubmit')}
          </button>
        </>
      )}
    </form>
  );
}

export function SignInPage() {
  const { t } = useI18n();
  return (
    <div className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <div className="grid-2">
        <DevSignIn />
        <PasteToken />
      </div>
    </div>
  );
}
