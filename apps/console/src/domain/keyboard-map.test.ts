import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS } from './case-actions';
import { ariaKeys, CASE_KEYS, commandFor, GLOBAL_KEYS, QUEUE_KEYS, type KeyPress } from './keyboard-map';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inField: false,
  ...more,
});

describe('keyboard map', () => {
  it.each([
    ['case', CASE_KEYS],
    ['queue', QUEUE_KEYS],
    ['global', GLOBAL_KEYS],
  ] as const)('gives each key of the %s map one command', (_, map) => {
    const keys = map.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has a key for every move a reviewer makes on a case', () => {
    const commands = CASE_KEYS.map((b) => b.command as string);
    for (const action of CASE_ACTIONS) expect(commands).toContain(action);
  });

  it('acts on single keys outside fields only; chords and Escape anywhere', () => {
    expect(commandFor(CASE_KEYS, press('d'))).toBe('decide');
    expect(commandFor(CASE_KEYS, press('d', { inField: true }))).toBeNull();
    expect(commandFor(CASE_KEYS, press('d', { altKey: true }))).toBeNull();
    expect(commandFor(CASE_KEYS, press('Escape', { inField: true }))).toBe('back');
    expect(commandFor(GLOBAL_KEYS, press('K', { ctrlKey: true, inField: true }))).toBe('search');
    expect(commandFor(GLOBAL_KEYS, press('k', { metaKey: true }))).toBe('search');
    expect(commandFor(GLOBAL_KEYS, press('Enter', { ctrlKey: true, inField: true }))).toBe('submit_and_next');
    expect(commandFor(GLOBAL_KEYS, press('/', { inField: true }))).toBeNull();
    expect(commandFor(QUEUE_KEYS, press('ArrowDown'))).toBe('down');
  });

  it('names the keys for aria-keyshortcuts', () => {
    expect(ariaKeys(GLOBAL_KEYS, 'search')).toBe('Control+K /');
    expect(ariaKeys(CASE_KEYS, 'decide')).toBe('d');
  });
});
