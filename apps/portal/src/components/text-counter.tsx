import { lengthState, visibleLength } from '../domain/visible-length';
import { formatCount } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/**
 * The live count under a text field, counted as the API counts (visible characters), saying how many
 * more are needed or how many are too many. Announced politely as it changes.
 */
export function TextCounter({ id, text, min, max }: { id: string; text: string; min: number; max: number }) {
  const { lang, t } = useI18n();
  const length = visibleLength(text);
  const state = lengthState(text, min, max);
  const vars = { n: formatCount(length, lang), max: formatCount(max, lang) };
  return (
    <p id={id} class={`counter counter-${state}`} aria-live="polite">
      {t('counter.count', vars)}{' '}
      {state === 'short' && t('counter.short', { more: formatCount(min - length, lang) })}
      {state === 'long' && t('counter.long', { over: formatCount(length - max, lang) })}
    </p>
  );
}
