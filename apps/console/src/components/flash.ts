const KEY = 'redress.console.flash';

/** A message for the next page to show once (e.g. "no case left to take" after "… & next"). */
export const setFlash = (text: string): void => sessionStorage.setItem(KEY, text);

export function takeFlash(): string | undefined {
  const text = sessionStorage.getItem(KEY) ?? undefined;
  sessionStorage.removeItem(KEY);
  return text;
}
