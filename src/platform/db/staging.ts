import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Staging tables for imports: a file is COPYed into one, checked and merged
 * from it in SQL, and the table is dropped. They are ordinary UNLOGGED tables
 * (no WAL; a crash empties them, which is fine) rather than temporary ones,
 * because COPY runs on a connection of its own while the merge runs through
 * Kysely on whichever connection the pool gives. The name carries its creation
 * time, so a table left by a killed process is dropped by a later import.
 */
const PREFIX = 'import_stage_';
const STALE_AFTER_SECONDS = 24 * 3600;

export async function createStagingTable(db: Db, columns: string): Promise<string> {
  await dropStaleStagingTables(db);
  const name = `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await sql`create unlogged table ${sql.table(name)} (${sql.raw(columns)})`.execute(db);
  return name;
}

export async function dropStagingTable(db: Db, name: string): Promise<void> {
  await sql`drop table if exists ${sql.table(name)}`.execute(db);
}

async function dropStaleStagingTables(db: Db): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = current_schema() and tablename like ${`${PREFIX.replaceAll('_', '\\_')}%`}`.execute(db);
  const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS;
  for (const { name } of rows) {
    const createdAt = Number(name.slice(PREFIX.length).split('_')[0]);
    if (createdAt < cutoff) await dropStagingTable(db, name);
  }
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
