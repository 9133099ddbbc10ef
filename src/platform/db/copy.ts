import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './database.ts';

/**
 * Bulk loading with COPY, which Kysely does not do: a million rows arrive in a
 * second or two instead of a minute of parameterised inserts.
 */

/** A value in COPY's text format: \N for null, and the four characters that would break a row escaped. */
export function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (ch) => COPY_ESCAPES[ch]!) : value;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

// PGlite takes COPY data as one Blob: gather this much before each statement, so memory stays bounded.
const PGLITE_CHUNK_BYTES = 16 << 20;

/**
 * Streams rows into a table with COPY (text format). `chunks` yields whole rows, each ending in \n.
 * PostgreSQL: one COPY on a connection of its own, fed as the rows are produced (so Node parses
 * while the server stores). PGlite: one COPY per ~16 MB, each while holding the single connection
 * (the dialect's queue), so no transaction of another caller interleaves with it.
 * If `chunks` throws, the COPY is abandoned and the error passes through.
 */
export async function copyRows(
  database: Pick<Database, 'db' | 'raw'>,
  table: string,
  columns: readonly string[],
  chunks: AsyncIterable<string>,
): Promise<void> {
  const statement = `copy ${table} (${columns.join(', ')}) from %SOURCE%`;
  const raw = database.raw;
  if (raw.engine === 'postgres') {
    const client = await raw.pool.connect();
    let broken = false;
    try {
      await pipeline(Readable.from(chunks), client.query(copyFrom(statement.replace('%SOURCE%', 'stdin'))));
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // A connection whose COPY was cut off is not handed back to the pool.
      client.release(broken);
    }
    return;
  }
  const pglite = raw.pglite;
  const sql = statement.replace('%SOURCE%', "'/dev/blob'");
  // Buffers, not strings: held until the Blob is made, strings would be promoted and collected at length.
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const blob = new Blob(pending);
    pending = [];
    size = 0;
    await database.db.connection().execute(() => pglite.query(sql, [], { blob }));
  };
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk);
    pending.push(bytes);
    size += bytes.length;
    if (size >= PGLITE_CHUNK_BYTES) await flush();
  }
  await flush();
}
