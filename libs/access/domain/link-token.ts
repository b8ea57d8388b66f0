import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the secret part of a one-time access link. */
export const newLinkToken = (): string => randomBytes(32).toString('base64url');

/** What is stored of a link token: its SHA-256, so the table opens no account by itself. */
export const linkTokenHash = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** Whether a string could be a link token at all; anything else is refused without a database read. */
export const isLinkTokenShape = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
