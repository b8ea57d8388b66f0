import { inputDefect, MAX_JSON_DEPTH } from './request-input-guard';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
};

describe('inputDefect', () => {
  it('accepts ordinary JSON, including unicode text and nesting up to the limit', () => {
    expect(inputDefect({ a: ['x', 1, true, null, { b: 'é 𝕏 \u202e' }] })).toBeUndefined();
    expect(inputDefect(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(inputDefect(undefined)).toBeUndefined();
  });

  it('names the field of each defect', () => {
    expect(inputDefect({ a: { b: ['ok', 'x\u0000y'] } })).toEqual({
      field: 'a.b[1]',
      message: 'must not contain NUL characters',
    });
    expect(inputDefect({ s: 'x\ud800' })?.message).toMatch(/lone surrogate/);
    expect(inputDefect({ ['k\udfff']: 1 })?.message).toMatch(/field name .*lone surrogate/);
    expect(inputDefect({ n: Infinity })).toEqual({ field: 'n', message: 'must be a finite number' });
    expect(inputDefect('\u0000')).toEqual({ field: '(body)', message: 'must not contain NUL characters' });
  });

  it('refuses nesting past the limit without recursing (20,000 levels)', () => {
    expect(inputDefect(nested(MAX_JSON_DEPTH + 1))?.message).toMatch(/nested deeper than 32/);
    expect(inputDefect(JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`))?.message).toMatch(/nested/);
  });
});
