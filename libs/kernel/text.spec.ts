import { codePointLength, trimText } from './text';

describe('trimText (the Transparency Database trimming)', () => {
  it('trims Unicode white space and U+200B, U+200E, U+FEFF at both ends, nothing inside', () => {
    expect(trimText('\u200b\u200e\ufeff\u00a0\u0085\u3000\t a\u200b b \n\u2028\u200b')).toBe('a\u200b b');
    expect(trimText('\u200b'.repeat(25))).toBe('');
  });

  it.each(['\u200B', '\u200E', '\u0085', '\u00A0\u200B\u00A0', '\uFEFF', '\u180E', '\0', '\u2029 \u3000'])(
    'leaves nothing of %j, as Laravel trims it',
    (text) => expect(trimText(text)).toBe(''),
  );

  it('keeps the invisible characters the database keeps (intake does not count them towards length)', () => {
    expect(trimText('\u2060x\u200d')).toBe('\u2060x\u200d');
    expect(trimText('\u200c')).toBe('\u200c');
  });

  it('leaves a long run of spaces inside the text as it is (a loop from both ends: no backtracking)', () => {
    const text = `a${' '.repeat(1_000_000)}b`;
    expect(trimText(text)).toBe(text);
    expect(trimText(`  ${text}  `)).toBe(text);
  });
});

describe('codePointLength', () => {
  it('counts code points, as PHP mb_strlen does', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('𝕏𝕏')).toBe(2);
    expect(codePointLength('e\u0301')).toBe(2);
  });
});
