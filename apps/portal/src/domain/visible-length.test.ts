import { describe, expect, it } from 'vitest';
import { lengthState, STATEMENT_MAX, STATEMENT_MIN, trimText, visibleLength } from './visible-length';

describe('the visible-character count (as the API counts)', () => {
  it('counts code points, so an emoji or a CJK character is one', () => {
    expect(visibleLength('abc')).toBe(3);
    expect(visibleLength('申诉理由')).toBe(4);
    expect(visibleLength('👍🏽 ok')).toBe(5); // thumbs up, skin tone, space, o, k
  });

  it('leaves out format characters and trims white space and zero-width marks at the ends', () => {
    expect(visibleLength('a\u200Bb\u200Dc\u00AD')).toBe(3);
    expect(visibleLength('  \u200B\uFEFFhello\u00A0\n')).toBe(5);
    expect(trimText('\u200E  text  \u3000')).toBe('text');
  });

  it('says whether a statement is short, within 20–10,000 or long', () => {
    expect(lengthState('x'.repeat(19), STATEMENT_MIN, STATEMENT_MAX)).toBe('short');
    expect(lengthState(` ${'x'.repeat(19)}\u200B `, STATEMENT_MIN, STATEMENT_MAX)).toBe('short');
    expect(lengthState('x'.repeat(20), STATEMENT_MIN, STATEMENT_MAX)).toBe('ok');
    expect(lengthState('字'.repeat(10_000), STATEMENT_MIN, STATEMENT_MAX)).toBe('ok');
    expect(lengthState('x'.repeat(10_001), STATEMENT_MIN, STATEMENT_MAX)).toBe('long');
  });
});
