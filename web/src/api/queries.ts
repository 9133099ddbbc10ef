import {
  keepPreviousData,
  QueryClient,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { ClientPathsWithMethod, MaybeOptionalInit, MethodResponse } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import { useIntl } from 'react-intl';
import { api, LIST_PAGE_SIZE, type ApiError } from './client.ts';
import type { paths } from './schema.gen.ts';

/**
 * The portal's data layer: TanStack Query over the generated client. A read is
 * cached under ['get', path, init], and init always names the UI's language
 * (the API answers in it), so switching language reads again under a new key
 * and a late answer in the old language can only land under the old key.
 */
const $api = createQueryHooks(api);

export const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal will not change by asking again, and a network failure should say so
    // at once, as the pages did before the cache; focus alone does not reload a page.
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

export type ReadPath = ClientPathsWithMethod<typeof api, 'get'>;
export type ReadData<Path extends ReadPath> = MethodResponse<typeof api, 'get', Path>;
type ReadInit<Path extends ReadPath> = Omit<NonNullable<MaybeOptionalInit<paths[Path], 'get'>>, 'headers'>;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The path's parameters (required only when the path has required ones), then the read's options. */
type ReadArguments<Init> = [RequiredKeys<Init>] extends [never]
  ? [init?: Init, options?: ReadOptions]
  : [init: Init, options?: ReadOptions];

interface ReadOptions {
  /** False while the page may not read this yet (say, the program is not visible to the caller). */
  enabled?: boolean;
  /** Read again when the window regains focus (a list the user may change in another tab). */
  refetchOnFocus?: boolean;
  /**
   * How long an answer counts as current (default 0: read again whenever a part that shows it
   * appears). A read the page started ahead (usePrefetchReads) is not made twice when it is shown.
   */
  staleTime?: number;
}

/**
 * A GET through the cache, in the UI's language. While the key changes (a new
 * language) the previous answer stays on screen until the new one arrives, as
 * the pages did before. The error is the client's ApiError.
 */
export function useApiQuery<Path extends ReadPath>(
  path: Path,
  ...args: ReadArguments<ReadInit<Path>>
): UseQueryResult<ReadData<Path>, ApiError> {
  const { query, options } = useLocalizedRead(path, args);
  // openapi-react-query types the error as the response body; the client's middleware throws ApiError instead.
  return useQuery({
    ...query,
    placeholderData: keepPreviousData,
    enabled: options?.enabled ?? true,
    refetchOnWindowFocus: options?.refetchOnFocus ?? false,
    staleTime: options?.staleTime ?? 0,
  }) as never;
}

/** A read's init in the UI's language, and the query options (key and fetch) the cache keeps it under. */
function useLocalizedRead<Path extends ReadPath>(path: Path, args: ReadArguments<ReadInit<Path>>) {
  const [init, options] = args as [ReadInit<Path>?, ReadOptions?];
  const { locale } = useIntl();
  return { ...localizedRead(path, init, locale), options };
}

/** useLocalizedRead for a given language, outside React (prefetchReads). */
function localizedRead<Path extends ReadPath>(path: Path, init: ReadInit<Path> | undefined, locale: string) {
  const localized = { ...init, headers: { 'accept-language': locale } };
  return { localized, query: $api.queryOptions('get', path, localized as never) };
}

/** A read path that answers one page of a list (`limit`, `cursor` in, `items`, `nextCursor` out). */
type ListPath = {
  [P in ReadPath]: ReadData<P> extends { items: unknown[]; nextCursor: string | null } ? P : never;
}[ReadPath];


/**
 * A whole list through the cache: reads page after page (at the largest page
 * size) and answers as the first page did, with every item and no cursor. The
 * key is the one useApiQuery would use, so a change invalidates it the same way.
 * The portal's lists are an account's users, tenants and benefits: whole lists
 * to show, sort and pick from, not feeds to scroll.
 */
export function useApiList<Path extends ListPath>(
  path: Path,
  ...args: ReadArguments<ReadInit<Path>>
): UseQueryResult<ReadData<Path>, ApiError> {
  const read = useLocalizedRead(path, args);
  return useQuery({
    ...listQuery(path, read),
    placeholderData: keepPreviousData,
    enabled: read.options?.enabled ?? true,
    refetchOnWindowFocus: read.options?.refetchOnFocus ?? false,
    staleTime: read.options?.staleTime ?? 0,
  }) as never;
}

/** A list read's key and fetch: every page, one after another, as one answer. */
function listQuery<Path extends ListPath>(path: Path, read: ReturnType<typeof localizedRead<Path>>) {
  const localized = read.localized as { params?: { query?: Record<string, unknown> }; headers: Record<string, string> };
  return {
    queryKey: read.query.queryKey,
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
      let first: { items: unknown[]; nextCursor: string | null } | undefined;
      const items: unknown[] = [];
      let cursor: string | null = null;
      do {
        const query = { ...localized.params?.query, limit: LIST_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
        const { data } = await api.GET(path as never, { ...localized, params: { ...localized.params, query }, signal } as never);
        const page = data as unknown as { items: unknown[]; nextCursor: string | null };
        first ??= page;
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return { ...first, items, nextCursor: null } as ReadData<Path>;
    },
  };
}

/** How long the parts that show a read started ahead take its answer as current (ReadOptions.staleTime). */
export const PREFETCHED_FRESH_MS = 10_000;

/**
 * Starts reads that a part of the page further down will make (the same keys, so they are made once),
 * at the same time as the page's own rather than after them, without this component drawing again when
 * they come. Nothing is read while `enabled` is false, nor what the cache already has or is reading.
 */
export function usePrefetchReads(reads: PrefetchReads, enabled: boolean): void {
  const { locale } = useIntl();
  const client = useQueryClient();
  if (enabled) prefetchReads(reads, locale, client);
}

export interface PrefetchReads {
  query?: readonly ReadPath[];
  list?: readonly ListPath[];
}

/** usePrefetchReads outside React: reads a page will make, started in `locale` before it is drawn. */
export function prefetchReads(reads: PrefetchReads, locale: string, client: QueryClient = queryClient): void {
  const starts = [
    ...(reads.query ?? []).map((path) => localizedRead(path, undefined, locale).query),
    ...(reads.list ?? []).map((path) => listQuery(path, localizedRead(path, undefined, locale))),
  ];
  for (const options of starts) if (!client.getQueryState(options.queryKey)) void client.prefetchQuery(options as never);
}

type WriteMethod = 'post' | 'put' | 'patch' | 'delete';

/**
 * A change through useMutation; on success every read of the listed paths (in
 * any language, with any parameters) is invalidated, and the mutation stays
 * pending until the ones on screen are read again, so a dialog closes onto
 * the changed list rather than the old one.
 */
export function useApiMutation<Method extends WriteMethod, Path extends ClientPathsWithMethod<typeof api, Method>>(
  method: Method,
  path: Path,
  { invalidates }: { invalidates: readonly ReadPath[] },
): UseMutationResult<MethodResponse<typeof api, Method, Path>, ApiError, MaybeOptionalInit<paths[Path], Method>> {
  const client = useQueryClient();
  return $api.useMutation(method, path as never, {
    onSuccess: () => Promise.all(invalidates.map((read) => client.invalidateQueries({ queryKey: ['get', read] }))),
  }) as never;
}
