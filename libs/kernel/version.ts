import { DomainError } from './domain-error';

/** Optimistic concurrency: a change that names the version it read (If-Match) fails once the row moved on. */
export function assertVersion(expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual) {
    throw new DomainError(
      'version_mismatch',
      `The resource is at version ${actual}, not ${expected}; reload it and try again`,
    );
  }
}
