import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export function openConfiguredDatabase(config: Config, onFeedLost?: (error: unknown) => void): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl, ...(onFeedLost ? { onFeedLost } : {}) })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir });
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
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
  // The change feed may drop before the app (and its logger) exists; say so on stderr until then.
  let feedLost = (error: unknown) => console.warn('change feed lost; caches are off until it is back:', error);
  const database = await openConfiguredDatabase(config, (error) => feedLost(error));
  try {
    await migrate(database.db);
    await beforeListen(database);
    const app = await buildApp({ config, database, background: true });
    feedLost = (error) => app.log.warn({ err: error }, 'change feed lost; caches are off until it is back');
    const address = await app.listen({ host: config.host, port: config.port });
    const port = new URL(address).port;
    const url = config.port === 0 ? config.publicUrl.replace(/:\d+$/, `:${port}`) : config.publicUrl;
    let stopping: Promise<void> | null = null;
    return {
      app,
      database,
      url,
      stop: () =>
        (stopping ??= (async () => {
          await app.close();
          await database.close();
        })()),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
