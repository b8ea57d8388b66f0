import { everyItem, type Page } from '@redress/sdk';

/** Every item of a keyset-paged list in one array: a person has a handful of each, never thousands. */
export async function collect<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of everyItem(fetchPage)) all.push(item);
  return all;
}
