/**
 * The console's keys, one table per page, so the handlers, the buttons' aria-keyshortcuts and the `?`
 * overlay cannot disagree. Single keys act only outside text fields and without a modifier; the
 * chords (Ctrl+Enter, Ctrl+K) work anywhere.
 */
export type CaseCommand =
  'claim' | 'decide' | 'request_info' | 'escalate' | 'release' | 'reopen' | 'note' | 'next' | 'back' | 'help';
export type QueueCommand = 'down' | 'up' | 'open_row' | 'claim' | 'next' | 'help';
export type GlobalCommand = 'search' | 'submit_and_next';

export interface KeyBinding<C extends string> {
  /** KeyboardEvent.key; `Ctrl+` for a chord with Ctrl (or ⌘ on a Mac) */
  keys: readonly string[];
  command: C;
}

export const CASE_KEYS: readonly KeyBinding<CaseCommand>[] = [
  { keys: ['c'], command: 'claim' },
  { keys: ['d'], command: 'decide' },
  { keys: ['i'], command: 'request_info' },
  { keys: ['e'], command: 'escalate' },
  { keys: ['l'], command: 'release' },
  { keys: ['o'], command: 'reopen' },
  { keys: ['a'], command: 'note' },
  { keys: ['n'], command: 'next' },
  { keys: ['Escape'], command: 'back' },
  { keys: ['?'], command: 'help' },
];

export const QUEUE_KEYS: readonly KeyBinding<QueueCommand>[] = [
  { keys: ['j', 'ArrowDown'], command: 'down' },
  { keys: ['k', 'ArrowUp'], command: 'up' },
  { keys: ['Enter'], command: 'open_row' },
  { keys: ['c'], command: 'claim' },
  { keys: ['n'], command: 'next' },
  { keys: ['?'], command: 'help' },
];

export const GLOBAL_KEYS: readonly KeyBinding<GlobalCommand>[] = [
  { keys: ['Ctrl+k', '/'], command: 'search' },
  { keys: ['Ctrl+Enter'], command: 'submit_and_next' },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** the key went to a text field, a select or an editable element */
  inField: boolean;
}

/** The name a binding gives a key press: `Ctrl+k` for a chord, the key itself otherwise. */
export function keyName(press: KeyPress): string | null {
  if (press.altKey) return null;
  if (press.ctrlKey || press.metaKey)
    return `Ctrl+${press.key.length === 1 ? press.key.toLowerCase() : press.key}`;
  return press.key;
}

/** The command a key press stands for in a map, or null (single keys never fire while typing). */
export function commandFor<C extends string>(map: readonly KeyBinding<C>[], press: KeyPress): C | null {
  const name = keyName(press);
  if (name === null) return null;
  const chord = name.startsWith('Ctrl+');
  // Escape leaves a field as well; other single keys are the field's own
  if (press.inField && !chord && name !== 'Escape') return null;
  return map.find((b) => b.keys.includes(name))?.command ?? null;
}

/** `aria-keyshortcuts` for a command: its keys as ARIA writes them (`Control+K`). */
export function ariaKeys<C extends string>(map: readonly KeyBinding<C>[], command: C): string | undefined {
  const aria = (key: string) =>
    key.startsWith('Ctrl+') ? `Control+${key.length === 6 ? key.slice(5).toUpperCase() : key.slice(5)}` : key;
  return map
    .find((b) => b.command === command)
    ?.keys.map(aria)
    .join(' ');
}
