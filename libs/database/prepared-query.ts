import type { PoolClient } from 'pg';
import type { Tx } from './unit-of-work';

const names = new Map<string, string>();

/**
 * Runs a statement a hot path repeats as a named prepared statement on the transaction's connection:
 * PostgreSQL parses and plans it once per connection instead of on every call (`npm run bench`,
 * review/next: planning a claim's statements cost PostgreSQL as much as running them). For texts built
 * from constants only: every distinct text stays prepared on each connection for its lifetime.
 */
export async function queryPrepared<T>(tx: Tx, text: string, values: unknown[] = []): Promise<T[]> {
  let name = names.get(text);
  if (name === undefined) {
    name = `redress_${names.size + 1}`;
    names.set(text, name);
  }
  // outside a transaction (the reader) there is no connection of its own to prepare on
  if (!tx.queryRunner) return tx.query(text, values);
  const client = (await tx.queryRunner.connect()) as PoolClient;
  return (await client.query({ name, text, values })).rows as T[];
}
