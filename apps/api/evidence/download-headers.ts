import type { Evidence } from '@redress/evidence';

/**
 * RFC 6266 `attachment`: an ASCII `filename` for old clients and the exact name as UTF-8 in
 * `filename*` (RFC 8187, formerly 5987), which current browsers prefer.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Text is served with its charset (it was checked to be UTF-8 on the way in). */
export const servedContentType = (e: Evidence): string =>
  e.contentType.startsWith('text/') ? `${e.contentType}; charset=utf-8` : e.contentType;

/** Headers that keep a browser from rendering, sniffing or caching evidence. */
export function downloadHeaders(e: Evidence): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
    // RFC 9530: lets the client check what it received against the recorded hash
    'Repr-Digest': `sha-256=:${Buffer.from(e.sha256, 'hex').toString('base64')}:`,
  };
}
