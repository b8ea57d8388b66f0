// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { TextCounter } from './text-counter';

describe('the live character count', () => {
  const root = document.createElement('div');
  afterEach(() => render(null, root));

  function show(text: string): string {
    act(() =>
      render(
        <I18nProvider>
          <TextCounter id="count" text={text} min={20} max={10_000} />
        </I18nProvider>,
        root,
      ),
    );
    return root.textContent ?? '';
  }

  it('says how many characters are visible and how many more are needed or too many', () => {
    localStorage.setItem('redress.portal.lang', 'en');
    expect(show('  too short\u200B ')).toBe('9 of 10,000 characters. 11 more needed.');
    expect(show('x'.repeat(25))).toBe('25 of 10,000 characters. ');
    expect(show('x'.repeat(10_002))).toBe('10,002 of 10,000 characters. 2 too many.');
    expect(root.querySelector('#count')?.getAttribute('aria-live')).toBe('polite');
  });
});
