import { isLinkTokenShape, linkTokenHash, newLinkToken } from './link-token';

describe('link tokens', () => {
  it('are 256 random bits, URL-safe, and stored only as their SHA-256', () => {
    const token = newLinkToken();
    expect(isLinkTokenShape(token)).toBe(true);
    expect(newLinkToken()).not.toBe(token);
    expect(linkTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(linkTokenHash(token)).not.toContain(token);
  });

  it('refuses anything of another shape', () => {
    expect(isLinkTokenShape('short')).toBe(false);
    expect(isLinkTokenShape(`${'a'.repeat(42)}=`)).toBe(false);
  });
});
