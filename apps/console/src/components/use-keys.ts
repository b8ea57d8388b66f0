import { useEffect, useRef } from 'react';
import { commandFor, type KeyBinding } from '../domain/keyboard-map';

const FIELDS = 'input, textarea, select, [contenteditable="true"]';

/** Runs the handler of the command a key press stands for in `map` (domain/keyboard-map.ts). */
export function useKeys<C extends string>(
  map: readonly KeyBinding<C>[],
  handlers: Partial<Record<C, () => void>>,
): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const command = commandFor(map, {
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inField: !!target?.closest(FIELDS),
      });
      const handler = command ? latest.current[command] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [map]);
}
