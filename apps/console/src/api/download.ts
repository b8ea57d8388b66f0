import { ok } from '@redress/sdk';

/** The file name a download suggests (`filename*` first: it carries the exact UTF-8 name). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * The bytes of an SDK call made with `parseAs: 'blob'` (downloads need the bearer header, so they cannot
 * be plain links), named as its Content-Disposition says; a refusal throws its RedressProblem.
 */
export async function fileFrom(
  call: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<{ blob: Blob; fileName: string }> {
  const blob = await ok(call);
  const { response } = await call;
  return { blob, fileName: fileNameOf(response.headers.get('Content-Disposition'), fallbackName) };
}

/** A CSV's name with its period, UTC days, `to` not included: `reconciliation-2026-11-01_2026-12-01-UTC.csv`. */
export const periodFileName = (kind: string, from: string, to: string): string =>
  `${kind}-${from}_${to}-UTC.csv`;

/** Saves a blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
