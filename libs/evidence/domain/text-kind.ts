export type TextContentType = 'text/plain' | 'text/csv' | 'application/json';

// C0 and C1 controls other than tab, line feed, vertical tab, form feed, carriage return and ESC
// (terminal logs keep their colour codes): text that holds them is binary data in disguise.
const BINARY_CONTROLS = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f-\u009f]/;
const CSV_DELIMITERS = [',', ';'];

/**
 * What a file without a recognisable binary signature is, judged from all of its bytes: UTF-8 text
 * (no NUL, no stray controls) that is JSON when it parses as an object or array, CSV when every
 * record has the same number (≥ 2) of delimited fields, plain text otherwise; null when not text.
 */
export function classifyText(bytes: Uint8Array): TextContentType | null {
  if (bytes.length === 0 || bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (BINARY_CONTROLS.test(text)) return null;
  if (isJsonDocument(text)) return 'application/json';
  if (CSV_DELIMITERS.some((delimiter) => isRectangular(fieldCounts(text, delimiter)))) return 'text/csv';
  return 'text/plain';
}

function isJsonDocument(text: string): boolean {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isRectangular(counts: number[] | null): boolean {
  return !!counts && counts.length >= 2 && counts[0] >= 2 && counts.every((n) => n === counts[0]);
}

/** Fields per non-blank record, with RFC 4180 quoting (quoted fields may hold delimiters and newlines). */
function fieldCounts(text: string, delimiter: string): number[] | null {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let blank = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') i += 1;
      else if (c === '"') inQuotes = false;
    } else if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      blank = false;
    } else if (c === delimiter) {
      fields += 1;
      atFieldStart = true;
      blank = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      if (!blank) counts.push(fields);
      fields = 1;
      atFieldStart = true;
      blank = true;
    } else {
      atFieldStart = false;
      blank = false;
    }
  }
  if (inQuotes) return null;
  if (!blank) counts.push(fields);
  return counts;
}
