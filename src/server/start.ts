import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database, type DatabaseLimits } from '../platform/db/database.ts';
import { isDatabaseUnavailable } from '../platform/db/errors.ts';
import { migrate } from '../platform/db/migrate.ts';
import { dropAbandonedStagingTables } from '../platform/db/staging.ts';
import { buildApp } from './app.ts';
import { ConfigError, type Config } from './config.ts';

export interface DatabaseEvents {
  onFeedLost?: (error: unknown) => void;
  onPoolError?: (error: unknown) => void;
  /** With limits: the server's timeouts (config.database). The CLI's bulk work runs without. */
  limits?: DatabaseLimits;
}

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export function openConfiguredDatabase(config: Config, events: DatabaseEvents = {}): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl, ...events })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir });
}

/**
 * The folders the server writes, tried before anything else: a data folder under /proc, on a full
 * disk or owned by another user fails here, naming the variable and the reason, instead of hanging in
 * the database engine or failing later with a message that says nothing.
 */
export function checkFolders(config: Config): void {
  const folders: [string, string][] = [];
  if (!config.databaseUrl) folders.push(['REWARDS_DATA_DIR', config.dataDir]);
  if (!config.mail.smtpUrl) folders.push(['REWARDS_MAILBOX_DIR', config.mail.mailboxDir]);
  const problems: string[] = [];
  for (const [variable, folder] of folders) {
    try {
      if (folder.startsWith('/proc/') || folder.startsWith('/sys/') || folder === '/proc' || folder === '/sys') throw Object.assign(new Error('a kernel file system, not storage'), { code: 'EINVAL' });
      fs.mkdirSync(folder, { recursive: true });
      const probe = path.join(folder, `.write-test-${process.pid}`);
      fs.writeFileSync(probe, 'ok');
      fs.rmSync(probe);
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      const why =
        code === 'EACCES' || code === 'EPERM'
          ? `this process (user id ${process.getuid?.() ?? '?'}) may not write there: give it the folder (chown) or choose another`
          : code === 'ENOSPC' || code === 'EDQUOT'
            ? 'the disk is full'
            : code === 'ENOTDIR' || code === 'EEXIST'
              ? 'a file is in the way where a folder should be'
              : (message ?? String(error));
      problems.push(`${variable} (${folder}) cannot be used: ${why}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

/**
 * At start a database that is not reachable yet (the container of PostgreSQL still starting) is tried
 * again with backoff, 0.5 s doubling to 5 s, for config.database.startRetrySeconds; a refusal that
 * waiting cannot fix (a wrong password, a missing database) fails at once.
 */
export async function openWithRetry(
  config: Config,
  events: DatabaseEvents,
  log: (message: string, error: unknown) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Database> {
  const until = Date.now() + config.database.startRetrySeconds * 1000;
  for (let attempt = 1, wait = 500; ; attempt++, wait = Math.min(wait * 2, 5_000)) {
    try {
      return await openConfiguredDatabase(config, events);
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + wait > until) throw error;
      log(`database not reachable yet (attempt ${attempt}); trying again in ${wait} ms`, error);
      await sleep(wait);
    }
  }
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** Stops within config.shutdownGraceMs: in-flight requests finish, claimed mail goes back to the outbox. */
  stop(): Promise<void>;
}

/**
 * Opens and migrates the database, then listens, with the background work (outbox delivery,
 * escalation) running. Stopping closes the server (which stops the background work), then the database.
 */
export async function startServer(
  config: Config,
  beforeListen: (database: Database) => Promise<void> = async () => {},
): Promise<RunningServer> {
  checkFolders(config);
  // The database may say something before the app (and its logger) exists; stderr until then.
  let warn = (message: string, error: unknown) => console.warn(message, error);
  const events: DatabaseEvents = {
    onFeedLost: (error) => warn('change feed lost; caches are off until it is back', error),
    onPoolError: (error) => warn('a pooled database connection failed; it is replaced on the next request', error),
  };
  const retryLog = (message: string, error: unknown) => warn(message, error);
  // Migrations, the cleanup and the demo may run longer than a request may: on PostgreSQL they get a
  // connection without the requests' timeouts (another instance migrating holds the lock for as long as
  // it takes), and the app then opens its pool with them. PGlite has no such limits, and one handle.
  if (config.databaseUrl) {
    const setup = await openWithRetry(config, { onPoolError: events.onPoolError! }, retryLog);
    try {
      await prepare(setup, beforeListen, warn);
    } finally {
      await setup.close();
    }
  }
  const database = await openWithRetry(config, { ...events, limits: config.database }, retryLog);
  try {
    if (!config.databaseUrl) await prepare(database, beforeListen, warn);
    const app = await buildApp({ config, database, background: true });
    warn = (message, error) => app.log.warn({ err: error }, message);
    const address = await app.listen({ host: config.host, port: config.port }).catch((error: unknown) => {
      throw listenProblem(error, config);
    });
    const port = new URL(address).port;
    const url = config.port === 0 ? config.publicUrl.replace(/:\d+$/, `:${port}`) : config.publicUrl;
    let stopping: Promise<void> | null = null;
    return {
      app,
      database,
      url,
      stop: () =>
        (stopping ??= (async () => {
          // Past the grace period, open connections are cut (requests still running get no answer).
          const grace = setTimeout(() => {
            app.log.warn({ graceMs: config.shutdownGraceMs }, 'shutdown grace period over: closing the remaining connections');
            app.server.closeAllConnections();
          }, config.shutdownGraceMs);
          grace.unref();
          try {
            await app.close();
          } finally {
            clearTimeout(grace);
            await database.close();
          }
        })()),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Migrates, drops what a killed import left behind, then runs the caller's own setup (the demo). */
async function prepare(database: Database, beforeListen: (database: Database) => Promise<void>, warn: (message: string, error: unknown) => void) {
  await migrate(database.db);
  // No import of this instance runs yet; imports elsewhere hold theirs.
  const dropped = await dropAbandonedStagingTables(database);
  if (dropped.length > 0) warn(`dropped ${dropped.length} staging table(s) a killed import left behind`, dropped);
  await beforeListen(database);
}

/** A listen that failed, said in terms of the variable to change. */
function listenProblem(error: unknown, config: Config): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return new ConfigError([`PORT ${config.port} is already in use on ${config.host}: stop what uses it or choose another PORT`]);
  if (code === 'EACCES') return new ConfigError([`PORT ${config.port} needs privileges this process does not have: choose a PORT above 1023`]);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new ConfigError([`HOST "${config.host}" is not an address of this machine (use 0.0.0.0 for every interface, 127.0.0.1 for this machine only)`]);
  }
  return error;
}
