import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { CHANGE_CHANNEL, ChangeFeed } from './change-feed.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { ObservedDialect } from './observed-dialect.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

/** Work a caller adds to a service's transaction, with what the service wrote, before it commits (the first answer to an Idempotency-Key). */
export type BeforeCommit<Row> = (trx: Db, written: Row) => Promise<void>;
export type Engine = 'pglite' | 'postgres';

/** The engine's own handle, for what Kysely does not do (COPY, LISTEN). */
export type RawDatabase = { engine: 'postgres'; pool: pg.Pool } | { engine: 'pglite'; pglite: PGlite };

export interface Database {
  db: Db;
  engine: Engine;
  raw: RawDatabase;
  /** What changed, for the in-process caches: this process's commits and (PostgreSQL) everyone else's. */
  changes: ChangeFeed;
  close(): Promise<void>;
}

// Keep numeric and int8 as exact strings, as PGlite does, so money never passes through a float.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => value);

export type DatabaseTarget =
  | {
      engine: 'postgres';
      url: string;
      schema?: string;
      poolSize?: number;
      onFeedLost?: (error: unknown) => void;
      /** A pooled connection failed while idle (the server restarted, a backend was terminated): logged; the pool replaces it. */
      onPoolError?: (error: unknown) => void;
      /** Limits in milliseconds (none: wait as long as it takes, as the CLI's bulk work may). */
      limits?: DatabaseLimits;
    }
  | {
      engine: 'pglite';
      dataDir: string | null;
      /**
       * A data folder to start from instead of running initdb (a `dumpDataDir()` tarball): the test
       * suites load one migrated template rather than initialising and migrating a database each.
       * Only into memory or an empty data folder (PGlite refuses a folder that holds a database).
       */
      template?: Blob;
    };

export interface DatabaseLimits {
  /** To get a connection (from the pool, or a new one from the server). */
  connectTimeoutMs: number;
  /** The server cancels a statement after this; the client gives up as long again later (at most 5 s) if the server says nothing at all. */
  statementTimeoutMs: number;
  /** The server ends a session left idle inside a transaction. */
  idleInTransactionTimeoutMs: number;
}

/** Opens PostgreSQL through a pool, or PGlite in a locked data folder (`null`: in memory). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === 'postgres') {
    const connection = {
      connectionString: target.url,
      // UTC sessions: 'three months later' and the twelve-month window mean the same on every server.
      options: `-c TimeZone=UTC${target.schema ? ` -c search_path=${target.schema}` : ''}`,
    };
    const limits = target.limits;
    const pool = new pg.Pool({
      ...connection,
      max: target.poolSize ?? 10,
      keepAlive: true,
      ...(limits
        ? {
            connectionTimeoutMillis: limits.connectTimeoutMs,
            statement_timeout: limits.statementTimeoutMs,
            idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
            // A frozen server enforces no statement timeout: the client stops waiting on its own.
            query_timeout: limits.statementTimeoutMs + Math.min(5_000, limits.statementTimeoutMs),
          }
        : {}),
    });
    // A connection's error (PostgreSQL restarting, pg_terminate_backend) is an 'error' event on its client,
    // passed on by the pool while the client is idle; either one without a listener would end the process.
    // Each client reports its own, idle or checked out between two statements (in a transaction, say);
    // the pool's copy of an idle one's is the same error again. The pool drops that client and makes a new one.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', (error) => target.onPoolError?.(error));
      // A query the server never answered leaves its connection busy forever: cut it, so the pool drops it.
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const result = query(...args);
        if (result instanceof Promise) {
          result.catch((error: unknown) => {
            if ((error as Error)?.message === 'Query read timeout') (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
          });
        }
        return result;
      };
    });
    // Fail fast with the server's own message when the URL is wrong.
    const client = await pool.connect().catch(async (error: unknown) => {
      await pool.end();
      throw new Error(`Cannot connect to PostgreSQL: ${(error as Error).message}`, { cause: error });
    });
    client.release();
    const changes = new ChangeFeed(true);
    changes.listenPostgres(connection, (_message, error) => target.onFeedLost?.(error));
    const db = new Kysely<DB>({ dialect: new ObservedDialect(new PostgresDialect({ pool }), changes) });
    return {
      db,
      engine: 'postgres',
      raw: { engine: 'postgres', pool },
      changes,
      close: async () => {
        await changes.close();
        await db.destroy();
      },
    };
  }

  // The lock sits beside the database files: data/rewards.lock guards data/pgdata.
  let lock: DataDirLock | null = null;
  if (target.dataDir !== null) lock = await lockDataDir(target.dataDir);
  try {
    const dataDir = target.dataDir === null ? undefined : path.join(target.dataDir, 'pgdata');
    const pglite = target.template ? new PGlite({ dataDir, loadDataDir: target.template }) : new PGlite(dataDir);
    const changes = new ChangeFeed(false);
    const unlisten = await pglite.waitReady
      // Writes that bypass Kysely (COPY through the PGlite handle) still fire the triggers of migration 0004.
      .then(() => pglite.listen(CHANGE_CHANNEL, (payload) => changes.tablesChanged([payload.split('.').at(-1)!])))
      .catch(async (error: unknown) => {
        await pglite.close().catch(() => {});
        throw error;
      });
    const db = new Kysely<DB>({ dialect: new ObservedDialect(new PGliteDialect(pglite), changes) });
    return {
      db,
      engine: 'pglite',
      raw: { engine: 'pglite', pglite },
      changes,
      close: async () => {
        await db.destroy();
        await unlisten();
        await pglite.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw target.dataDir === null ? error : embeddedStartFailure(error, path.join(target.dataDir, 'pgdata'));
  }
}

/**
 * PGlite's own failures say little ("PGlite failed to initialize properly", or an object that prints
 * as [object Object]): say what is wrong with the folder, when something is, and what to do.
 */
function embeddedStartFailure(error: unknown, pgdata: string): Error {
  const detail = error instanceof Error ? error.message : (() => {
    try {
      return JSON.stringify(error);
    } catch {
      return String(error);
    }
  })();
  let why = '';
  try {
    if (fs.existsSync(pgdata)) {
      fs.accessSync(pgdata, fs.constants.R_OK | fs.constants.W_OK);
      const owner = fs.statSync(pgdata).uid;
      const uid = process.getuid?.();
      if (uid !== undefined && uid !== 0 && owner !== uid) why = ` The folder belongs to user id ${owner}, and this process runs as ${uid}: give it the folder (chown -R).`;
    }
  } catch (access) {
    why = ` This process may not read and write ${pgdata} (${(access as NodeJS.ErrnoException).code}): give it the folder (chown -R), or point REWARDS_DATA_DIR elsewhere.`;
  }
  if (!why && /ENOSPC|no space/i.test(detail)) why = ' The disk is full: free space, or point REWARDS_DATA_DIR at another disk.';
  return new Error(`The embedded database could not start in ${pgdata}: ${detail}.${why}`, { cause: error });
}
