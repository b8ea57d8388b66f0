/**
 * Text the person is writing (an appeal statement, a reply), kept in localStorage as they type: it
 * survives an expired session and the new tab the e-mailed link opens. Cleared once sent.
 */
const PREFIX = 'redress.portal.draft.';

export function readDraft(key: string): string {
  try {
    return localStorage.getItem(PREFIX + key) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(key: string, text: string): void {
  try {
    if (text) localStorage.setItem(PREFIX + key, text);
    else localStorage.removeItem(PREFIX + key);
  } catch {
    // storage full or disabled: the text is still on screen
  }
}

export const clearDraft = (key: string): void => saveDraft(key, '');
