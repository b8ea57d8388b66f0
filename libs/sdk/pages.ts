/** One page of a list route: `nextCursor` is null on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * Every item of a keyset-paged list, fetching the next page only when the previous one is used up:
 * `for await (const appeal of everyItem((cursor) => ok(client.GET('/v1/appeals', { params: { query: { cursor } } }))))`.
 */
export async function* everyItem<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
