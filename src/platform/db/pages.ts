import { sql, type AliasedRawBuilder, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { validationFailed } from '../errors.ts';

/**
 * Keyset pages for every list the API serves. A list is ordered by a few
 * columns that end in a unique one; the cursor holds the last item's values of
 * those columns, so the next page starts right after it (`WHERE key > last`)
 * whatever was inserted or removed meanwhile: no offset that skips or repeats
 * rows, and a page costs the same on the thousandth page as on the first.
 *
 * The cursor is opaque to clients: base64url of a JSON array, the list's name
 * first (a cursor of one list is refused by another), then the key values as
 * the database wrote them (timestamps to the microsecond: a JavaScript Date
 * would round them to the millisecond and skip or repeat rows).
 */

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;

export interface PageRequest {
  /** Items per page (PAGE_SIZE_DEFAULT when absent). */
  limit?: number;
  /** The previous page's nextCursor. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts, or null on the last page. */
  nextCursor: string | null;
}

export interface KeyColumn {
  /** A column reference (`users.username`) or any expression of the row. */
  column: string | RawBuilder<unknown>;
  direction: 'asc' | 'desc';
  /** How the value travels in the cursor and is compared back. */
  type: 'text' | 'timestamptz' | 'uuid' | 'integer';
}

export interface Keyset {
  /** The list's name, written into its cursors. */
  list: string;
  keys: readonly KeyColumn[];
}

const ref = (key: KeyColumn) => (typeof key.column === 'string' ? sql.ref(key.column) : key.column);

/** The key values of a row as text the database can read back exactly. */
function keyText(key: KeyColumn): RawBuilder<unknown> {
  return key.type === 'timestamptz'
    ? sql`to_char(${ref(key)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql`${ref(key)}::text`;
}

/** The extra column readPage selects: the row's place in the list. */
function pageKey(keyset: Keyset): AliasedRawBuilder<string, 'pageKey'> {
  return sql<string>`json_build_array(${sql.join(keyset.keys.map(keyText))})::text`.as('pageKey');
}

/** The list's ORDER BY. */
function orderOf(keyset: Keyset): RawBuilder<unknown> {
  return sql.join(keyset.keys.map((key) => sql`${ref(key)} ${sql.raw(key.direction)}`));
}

/** Reads a cursor of this list: its key values, or a 422 on the `cursor` field. */
export function decodeCursor(keyset: Keyset, cursor: string): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const ok =
    Array.isArray(values) &&
    values.length === keyset.keys.length + 1 &&
    values[0] === keyset.list &&
    values.slice(1).every((value, i) => typeof value === 'string' && value.length <= 400 && validKeyValue(keyset.keys[i]!.type, value));
  if (!ok) throw validationFailed({ cursor: { code: 'FORMAT_INVALID' } });
  return (values as string[]).slice(1);
}

const KEY_VALUE_PATTERNS: Record<KeyColumn['type'], RegExp> = {
  text: /^[^\0]*$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  integer: /^-?\d{1,18}$/,
};

function validKeyValue(type: KeyColumn['type'], value: string): boolean {
  if (!KEY_VALUE_PATTERNS[type].test(value)) return false;
  if (type !== 'timestamptz') return true;
  // A real instant, as the database wrote it: Date.parse takes February 30th and year 0, the database does not.
  const parsed = new Date(value.slice(0, 23) + 'Z');
  return !Number.isNaN(parsed.getTime()) && parsed.getUTCFullYear() >= 1 && parsed.toISOString().slice(0, 23) === value.slice(0, 23);
}

function typed(type: KeyColumn['type'], value: string): RawBuilder<unknown> {
  if (type === 'timestamptz') return sql`${value}::timestamptz`;
  if (type === 'uuid') return sql`${value}::uuid`;
  if (type === 'integer') return sql`${value}::bigint`;
  return sql`${value}::text`;
}

/**
 * The condition "comes after the cursor" in the list's order:
 * (k1 after v1) or (k1 = v1 and k2 after v2) or ..., which holds for any mix of directions.
 */
function afterCursor(keyset: Keyset, cursor: string): RawBuilder<SqlBool> {
  const values = decodeCursor(keyset, cursor);
  const alternatives = keyset.keys.map((key, i) => {
    const equalBefore = keyset.keys.slice(0, i).map((earlier, j) => sql`${ref(earlier)} = ${typed(earlier.type, values[j]!)}`);
    const beyond = sql`${ref(key)} ${sql.raw(key.direction === 'asc' ? '>' : '<')} ${typed(key.type, values[i]!)}`;
    return sql`(${sql.join([...equalBefore, beyond], sql` and `)})`;
  });
  return sql<SqlBool>`(${sql.join(alternatives, sql` or `)})`;
}

/** The page size asked for, within bounds (the schema checks them too). */
export function pageLimit(request: PageRequest): number {
  return Math.min(Math.max(request.limit ?? PAGE_SIZE_DEFAULT, 1), PAGE_SIZE_MAX);
}

/**
 * A list's query made into a page: selects each row's place (`pageKey`), starts after the cursor,
 * orders by the keys and reads one row more than the page, to say where the next page starts.
 * `query` is the list's own: its table, columns and filters.
 */
export async function readPage<DB, TB extends keyof DB, O>(
  keyset: Keyset,
  request: PageRequest,
  query: SelectQueryBuilder<DB, TB, O>,
): Promise<Page<O>> {
  const limit = pageLimit(request);
  let keyed = query.select(pageKey(keyset));
  if (request.cursor) keyed = keyed.where(afterCursor(keyset, request.cursor));
  const rows = (await keyed.orderBy(orderOf(keyset)).limit(limit + 1).execute()) as (O & { pageKey: string })[];
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(keyset, JSON.parse(last.pageKey) as string[]) : null;
  return { items: items.map(({ pageKey: _, ...item }) => item as O), nextCursor };
}

export function encodeCursor(keyset: Keyset, values: readonly string[]): string {
  return Buffer.from(JSON.stringify([keyset.list, ...values]), 'utf8').toString('base64url');
}

/**
 * The same pages over a list that is already in memory (computed, not a query), in its order:
 * `keyOf` gives an item's key values as text, compared in the order of `compare`.
 */
export function pageInMemory<T>(
  keyset: Keyset,
  items: readonly T[],
  request: PageRequest,
  keyOf: (item: T) => string[],
  compare: (a: string[], b: string[]) => number,
): Page<T> {
  const limit = pageLimit(request);
  const after = request.cursor === undefined ? null : decodeCursor(keyset, request.cursor);
  const rest = after ? items.filter((item) => compare(keyOf(item), after) > 0) : items;
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rest.length > limit && last ? encodeCursor(keyset, keyOf(last)) : null };
}

/** Every page of a list, one after another (the CLI prints whole lists). */
export async function allPages<T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit: PAGE_SIZE_MAX, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
