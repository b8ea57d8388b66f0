import { describe, expect, it } from 'vitest';
import { chooseLang, langOfBrowser } from './locale';

describe('the page language', () => {
  it("follows the suspension's locale before the browser's", () => {
    expect(chooseLang({ chosen: null, suspension: 'zh-CN', browser: ['en-GB'] })).toBe('zh-CN');
    expect(chooseLang({ chosen: null, suspension: 'en', browser: ['zh-CN'] })).toBe('en');
  });

  it("keeps the person's own choice above both", () => {
    expect(chooseLang({ chosen: 'en', suspension: 'zh-CN', browser: ['zh-CN'] })).toBe('en');
    expect(chooseLang({ chosen: 'zh-CN', suspension: 'en', browser: ['en'] })).toBe('zh-CN');
  });

  it('falls back to the browser, then English; unknown values are ignored', () => {
    expect(chooseLang({ chosen: 'fr', suspension: null, browser: ['fr-FR', 'zh-TW'] })).toBe('zh-CN');
    expect(chooseLang({ chosen: null, suspension: 'de', browser: ['de-DE'] })).toBe('en');
    expect(langOfBrowser(['en-US'])).toBe('en');
    expect(langOfBrowser([])).toBeNull();
  });
});
