import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether a scrape may read /metrics: always without METRICS_TOKEN, else only with
 * `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time).
 */
export function metricsScrapeAllowed(authorization: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const [scheme, presented] = (authorization ?? '').split(' ', 2);
  return (
    scheme?.toLowerCase() === 'bearer' && !!presented && timingSafeEqual(digest(presented), digest(token))
  );
}

/** The content type of Prometheus's text format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
