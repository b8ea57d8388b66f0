import { useCallback, useState } from 'react';

const PREFIX = 'redress.console.draft';

/**
 * A text kept in localStorage while it is written, per person, case and field, so that a reload, a
 * second tab or a 401 that sends the person to sign in again loses nothing. Sending clears it.
 */
export function useDraft(
  owner: string,
  caseId: string,
  field: string,
  initial = '',
): [string, (v: string) => void, () => void] {
  const key = `${PREFIX}.${owner}.${caseId}.${field}`;
  const [value, setValue] = useState(() => localStorage.getItem(key) ?? initial);
  const set = useCallback(
    (next: string) => {
      setValue(next);
      if (next) localStorage.setItem(key, next);
      else localStorage.removeItem(key);
    },
    [key],
  );
  const clear = useCallback(() => {
    localStorage.removeItem(key);
    setValue('');
  }, [key]);
  return [value, set, clear];
}
