import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Database, Db } from './database.ts';

/**
 * Staging tables for imports: a file is COPYed into one, checked and merged
 * from it in SQL, and the table is dropped. They are ordinary UNLOGGED tables
 * (no WAL; a crash empties them, which is fine) rather than temporary ones,
 * because COPY runs on a connection of its own while the merge runs through
 * Kysely on whichever connection the pool gives.
 *
 * A table an import left behind (the process was killed) is dropped at the
 * next import or server start, whatever its age, once nobody holds it: on
 * PostgreSQL a running import holds a session advisory lock on its table's
 * name (on a connection it keeps for the import), which the server drops
 * with the session if the process dies; on PGlite the folder has one process,
 * so any table this process is not using is abandoned.
 */
const PREFIX = 'import_stage_';
// Arbitrary: the advisory-lock class of staging tables (the migrations use 727_001).
const STAGING_LOCK_CLASS = 727_002;

/** This process's staging tables in use (PGlite has no other process to ask). */
const inUse = new Set<string>();

export interface StagingTable {
  name: string;
  /** Drops the table and lets go of it. */
  drop(): Promise<void>;
}

export async function createStagingTable(database: Pick<Database, 'db' | 'raw'>, columns: string): Promise<StagingTable> {
  await dropAbandonedStagingTables(database);
  const name = `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  inUse.add(name);
  let holder: pg.PoolClient | null = null;
  try {
    if (database.raw.engine === 'postgres') {
      holder = await database.raw.pool.connect();
      await holder.query('select pg_advisory_lock($1, hashtext($2))', [STAGING_LOCK_CLASS, name]);
    }
    await sql`create unlogged table ${sql.table(name)} (${sql.raw(columns)})`.execute(database.db);
  } catch (error) {
    inUse.delete(name);
    holder?.release(true);
    throw error;
  }
  return {
    name,
    async drop() {
      try {
        await sql`drop table if exists ${sql.table(name)}`.execute(database.db);
      } finally {
        inUse.delete(name);
        // Ending the session lets go of the lock whatever state the connection is in.
        holder?.release(true);
      }
    },
  };
}

/**
 * Drops every staging table no import holds (an import killed mid-way leaves one, 15 MB a crash):
 * at each import and at server start. Returns the names dropped.
 */
export async function dropAbandonedStagingTables(database: Pick<Database, 'db' | 'raw'>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = current_schema() and tablename like ${`${PREFIX.replaceAll('_', '\\_')}%`}`.execute(database.db);
  const dropped: string[] = [];
  for (const { name } of rows) {
    if (inUse.has(name)) continue;
    const gone = await database.db.transaction().execute(async (trx) => {
      if (database.raw.engine === 'postgres') {
        const free = await sql<{ free: boolean }>`select pg_try_advisory_xact_lock(${STAGING_LOCK_CLASS}, hashtext(${name})) as free`.execute(trx);
        if (!free.rows[0]?.free) return false; // an import elsewhere is using it
      }
      await sql`drop table if exists ${sql.table(name)}`.execute(trx);
      return true;
    });
    if (gone) dropped.push(name);
  }
  return dropped;
}

/**
 * The first staged line (by line number) whose `column` names no row of `target`: an unknown reference,
 * or null. Called by the module that owns `target` (catalog for profiles, sales for offers it checks).
 */
export async function firstUnknownReference(
  db: Db,
  table: string,
  column: string,
  target: string,
): Promise<{ line: number; id: string } | null> {
  const { rows } = await sql<{ line: number; id: string }>`
    select s.line, s.${sql.ref(column)} as id from ${sql.table(table)} s
    where not exists (select 1 from ${sql.table(target)} t where t.id = s.${sql.ref(column)})
    order by s.line limit 1`.execute(db);
  return rows[0] ?? null;
}
