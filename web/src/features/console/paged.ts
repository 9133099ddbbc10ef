import { useInfiniteQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { api } from '../../api/client.ts';

type PagedPath = '/api/v1/ops/work' | '/api/v1/ops/audit-events' | '/api/v1/ops/outbox';
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One of the console's long lists, a page at a time ("Show more" reads the next), in the UI's language.
 * Cached under ['get', path, ...] as every read is, so a change that invalidates the path reads it again.
 * `T` is the path's item (its schema's component type); the first page's other fields come as `first`.
 */
export function usePagedList<T, First = Page<T>>(path: PagedPath, query: Record<string, string>, pageSize = 50) {
  const intl = useIntl();
  const read = useInfiniteQuery({
    queryKey: ['get', path, { query, locale: intl.locale, paged: true }],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<Page<T>> => {
      const { data } = await api.GET(path as '/api/v1/ops/work', {
        params: { query: { ...query, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) } as never },
        headers: { 'accept-language': intl.locale },
        signal,
      });
      return data as unknown as Page<T>;
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const items: T[] = read.data?.pages.flatMap((page) => page.items) ?? [];
  return { read, items, first: read.data?.pages[0] as First | undefined };
}
