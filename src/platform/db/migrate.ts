import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { projectRoot } from '../paths.ts';
import type { Db } from './database.ts';

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.join(projectRoot, 'migrations');

/** Forward-only SQL migrations: `NNNN_name.sql`, applied in order, each in its own transaction. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

/** A migration that cannot or must not run, said with its name and what to do. */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export interface MigrateProgress {
  (event: { migration: Migration; index: number; total: number; state: 'applying' | 'applied' | 'skipped' }): void;
}

// An arbitrary constant: every instance of this application takes the same advisory lock.
const MIGRATION_LOCK_KEY = 727_001;

export async function migrate(db: Db, onProgress?: MigrateProgress): Promise<{ applied: string[] }> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version text primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
  });

  const migrations = readMigrations();
  // A database migrated by a newer version of the code: starting would run old code on a schema it does not know.
  const known = new Set(migrations.map((migration) => migration.version));
  const recorded = await db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
  const unknown = recorded.filter((row) => !known.has(row.version));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database has ${unknown.map((row) => `${row.version}_${row.name}`).join(', ')}, which this version of Marketplace Rewards ` +
        'does not have: it was migrated by a newer version. Run that version (or newer), or restore a backup taken before it.',
    );
  }
  const applied: string[] = [];
  for (const [index, migration] of migrations.entries()) {
    const ran = await db.transaction().execute(async (trx) => {
      // Several instances starting together: one migrates, the others wait and then skip.
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      const done = await trx
        .selectFrom('schema_migrations')
        .select(['checksum'])
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.version}_${migration.name} was changed after it was applied. ` +
              'Migrations are forward-only: add a new one instead.',
          );
        }
        return false;
      }
      onProgress?.({ migration, index, total: migrations.length, state: 'applying' });
      await sql.raw(migration.sql).execute(trx).catch((error: unknown) => {
        throw new MigrationError(
          `Migration ${migration.version}_${migration.name} failed: ${(error as Error).message}. Nothing of it was applied. ` +
            'If schema_migrations lost its row for a migration that did run, put the row back rather than running it twice.',
          { cause: error },
        );
      });
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, checksum: migration.checksum })
        .execute();
      return true;
    });
    if (ran) applied.push(`${migration.version}_${migration.name}`);
    onProgress?.({ migration, index, total: migrations.length, state: ran ? 'applied' : 'skipped' });
  }
  return { applied };
}
