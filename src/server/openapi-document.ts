import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ChangeFeed } from '../platform/db/change-feed.ts';
import type { DB } from '../platform/db/schema.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

/**
 * The OpenAPI document exactly as the app serves it, built without a database
 * (the pool never connects: no request is handled). The web client is
 * generated from it, and a test fails when the committed client drifts.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const pool = new pg.Pool({ max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const app = await buildApp({
    config: loadConfig({ REWARDS_WEB: 'off' }),
    database: { db, engine: 'postgres', raw: { engine: 'postgres', pool }, changes: new ChangeFeed(false), close: () => db.destroy() },
    logger: false,
    documentOnly: true,
  });
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await db.destroy();
  return document;
}
