import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Type } from '@sinclair/typebox';
import { JsonSchemaPipe, TRIM } from './json-schema.pipe';
import { textLengthProblem, TrimmedText, visibleLength } from './trim';

class Statement {
  @TrimmedText(20, 30) statement: string;
}

const problemsOf = (statement: unknown) =>
  validateSync(plainToInstance(Statement, { statement })).flatMap((e) => Object.values(e.constraints ?? {}));

describe('visibleLength', () => {
  it('counts code points and leaves out format characters', () => {
    expect(visibleLength('abc')).toBe(3);
    expect(visibleLength('𝕏𝕏')).toBe(2); // astral: one each, not two
    expect(visibleLength('e\u0301')).toBe(2); // a combining mark is a code point of its own
    expect(visibleLength('\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u202e\u{e0041}')).toBe(0);
    expect(visibleLength('👩\u200d💻')).toBe(2);
  });

  it('names the rule a text breaks', () => {
    expect(textLengthProblem('ab\u200b', 3, 5)).toMatch(/at least 3 characters/);
    expect(textLengthProblem('abcdef', 3, 5)).toMatch(/at most 5 characters/);
    expect(textLengthProblem(`abc${'\u200d'.repeat(10)}`, 3, 5)).toBeNull();
  });
});

describe('@TrimmedText and the x-trim schema keyword apply the same rule', () => {
  const pipe = new JsonSchemaPipe(
    Type.Object({ statement: Type.String({ minLength: 20, maxLength: 30, [TRIM]: true }) }),
  );
  const schemaProblems = (statement: string): string[] => {
    try {
      pipe.transform({ statement });
      return [];
    } catch (error) {
      return (error as { errors: { message: string }[] }).errors.map((e) => e.message);
    }
  };

  it.each([
    { name: '25 zero-width spaces', text: '\u200b'.repeat(25), valid: false },
    { name: '19 letters padded with marks', text: `\ufeff ${'a'.repeat(19)} \u200e`, valid: false },
    { name: '19 letters and a word joiner', text: `${'a'.repeat(19)}\u2060`, valid: false },
    { name: '20 letters', text: 'a'.repeat(20), valid: true },
    { name: '20 CJK characters', text: '中'.repeat(20), valid: true },
    { name: '30 astral letters', text: '𝕏'.repeat(30), valid: true },
    { name: '30 letters with joiners between', text: 'a\u200d'.repeat(30), valid: true },
    { name: '31 letters', text: 'a'.repeat(31), valid: false },
  ])('$name: valid = $valid', ({ text, valid }) => {
    expect(problemsOf(text).length === 0).toBe(valid);
    expect(schemaProblems(text).length === 0).toBe(valid);
    if (!valid) expect(schemaProblems(text)[0]).toBe(problemsOf(text)[0].replace(/^statement /, ''));
  });

  it('stores the trimmed text', () => {
    expect(plainToInstance(Statement, { statement: '\u200b x \u200b' }).statement).toBe('x');
    expect(pipe.transform({ statement: `\u200b${'x'.repeat(20)}\ufeff` })).toEqual({
      statement: 'x'.repeat(20),
    });
  });
});
