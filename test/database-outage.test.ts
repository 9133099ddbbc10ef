import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseLimits } from '../src/platform/db/database.ts';
import { isDatabaseUnavailable } from '../src/platform/db/errors.ts';
import { loadConfig } from '../src/server/config.ts';
import { openWithRetry, startServer } from '../src/server/start.ts';
import { errorOf, startTestApp, type TestApp } from './helpers.ts';
import { startOwnPostgres, type OwnPostgres } from './own-postgres.ts';

// Issue #11, point 1 and 2: a database that restarts, loses a backend or freezes costs requests a
// 503, never the process; the instance recovers by itself; nothing waits without a limit. On a
// PostgreSQL cluster of the test's own (own-postgres.ts), never the shared one.

const LIMITS: DatabaseLimits = { connectTimeoutMs: 1_000, statementTimeoutMs: 800, idleInTransactionTimeoutMs: 5_000 };

/** Polls `check` every 100 ms until it holds or `ms` pass. */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('a database that goes away and comes back (PostgreSQL of the test’s own)', () => {
  let own: OwnPostgres;
  let t: TestApp;
  const poolErrors: unknown[] = [];
  before(async () => {
    own = await startOwnPostgres();
    t = await startTestApp({
      name: 'postgres',
      open: () => openDatabase({ engine: 'postgres', url: own.url, limits: LIMITS, onPoolError: (error) => poolErrors.push(error) }),
    });
    assert.ok(await t.database.changes.whenReady(5_000), 'the change feed listens');
  });
  after(async () => {
    own?.thaw();
    await t?.close().catch(() => {});
    own?.destroy();
  });

  const outbox = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/v1/ops/outbox?limit=1', headers: { authorization: `Bearer ${t.operatorToken}`, ...headers } });
  const ready = () => t.app.inject({ method: 'GET', url: '/readyz' });

  it('a terminated backend: the process stays up, the pool replaces the connection, the change feed listens again', async () => {
    assert.equal((await outbox()).statusCode, 200);
    const feedBefore = t.database.changes.backendPid;
    assert.ok((await own.terminateBackends()) >= 2, 'the pooled connection and the change feed');
    assert.ok(await eventually(async () => poolErrors.length > 0, 5_000), 'the idle connection’s error reached the listener, not the process');
    assert.equal((await outbox()).statusCode, 200, 'the next request gets a new connection');
    assert.ok(await eventually(async () => t.database.changes.ready && t.database.changes.backendPid !== feedBefore, 10_000), 'the feed reconnected');
  });

  it('a stopped database: 503 with the error shape and Retry-After, /readyz not ready, then recovery with no restart', async () => {
    own.stop();
    const down = await outbox({ 'accept-language': 'nl-NL' });
    assert.equal(down.statusCode, 503, down.body);
    assert.equal(errorOf(down).code, 'DATABASE_UNAVAILABLE');
    assert.match(errorOf(down).message, /database nu niet bereiken/);
    assert.equal(down.headers['retry-after'], '5');
    const notReady = await ready();
    assert.equal(notReady.statusCode, 503);
    assert.equal(notReady.json<{ status: string }>().status, 'unavailable');
    assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'alive all the same');
    assert.equal(t.database.changes.ready, false, 'caches are off while the feed is lost');
    assert.ok(t.logLines.some((line) => line.includes('database unavailable')), 'each refused request is logged');

    own.start();
    assert.ok(await eventually(async () => (await outbox()).statusCode === 200, 15_000), 'answers again by itself');
    assert.ok(await eventually(async () => (await ready()).json<{ changeFeed?: string }>().changeFeed === 'listening', 15_000));
    const detail = (await ready()).json<{ status: string; outbox: { waiting: number } }>();
    assert.equal(detail.status, 'ready');
    assert.equal(typeof detail.outbox.waiting, 'number');
  });

  it('a frozen database: requests and /readyz end at the timeout with a 503 instead of hanging, then recover', async () => {
    assert.equal((await outbox()).statusCode, 200);
    own.freeze();
    try {
      const started = Date.now();
      const [request, readiness] = await Promise.all([outbox(), ready()]);
      const took = Date.now() - started;
      assert.equal(request.statusCode, 503, request.body);
      assert.equal(readiness.statusCode, 503);
      assert.ok(took < 5_000, `answered in ${took} ms (statement timeout 800 ms, client limit 1.6 s)`);
    } finally {
      own.thaw();
    }
    assert.ok(await eventually(async () => (await outbox()).statusCode === 200, 15_000), 'answers again once thawed');
  });

  it('the statement timeout ends a statement that runs too long, as "unavailable", not as a crash', async () => {
    const error = await sql`select pg_sleep(3)`.execute(t.database.db).catch((e: unknown) => e);
    assert.ok(error instanceof Error);
    assert.equal((error as { code?: string }).code, '57014', String(error));
    assert.ok(isDatabaseUnavailable(error));
  });

  it('a start waits for another instance that holds the migration lock longer than a request may take', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-start-'));
    const other = new pg.Client({ connectionString: own.url });
    await other.connect();
    try {
      // Another instance migrating: it holds the lock for 1.5 s, fifteen times the requests' statement timeout.
      await other.query('select pg_advisory_lock(727001)');
      const release = setTimeout(() => void other.query('select pg_advisory_unlock(727001)'), 1_500);
      const config = loadConfig(
        { DATABASE_URL: own.url, DATABASE_STATEMENT_TIMEOUT_MS: '100', PORT: '0', REWARDS_WEB: 'off', LOG_LEVEL: 'silent', SMTP_URL: 'smtp://127.0.0.1:9' },
        scratch,
      );
      const started = Date.now();
      const server = await startServer(config);
      clearTimeout(release);
      try {
        assert.ok(Date.now() - started >= 1_400, 'it waited for the lock');
        assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
      } finally {
        await server.stop();
      }
    } finally {
      await other.end();
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('at start, a database not up yet is waited for with backoff; one that cannot be fixed by waiting fails at once', async () => {
    own.stop();
    const config = loadConfig({ DATABASE_URL: own.url, DATABASE_START_RETRY_SECONDS: '30', DATABASE_CONNECT_TIMEOUT_MS: '500' });
    const waits: string[] = [];
    const started = Date.now();
    const opening = openWithRetry(config, { limits: config.database }, (message) => {
      waits.push(message);
      if (waits.length === 2) own.start();
    });
    const database = await opening;
    try {
      assert.ok(waits.length >= 2, waits.join('\n'));
      assert.match(waits[0]!, /not reachable yet \(attempt 1\); trying again in 500 ms/);
      assert.ok(Date.now() - started < 30_000);
    } finally {
      await database.close();
    }
    const missing = loadConfig({ DATABASE_URL: own.url.replace(/rewards$/, 'no_such_database'), DATABASE_START_RETRY_SECONDS: '30' });
    const quick = Date.now();
    await assert.rejects(openWithRetry(missing, {}, () => assert.fail('no retry for a missing database')), /no_such_database/);
    assert.ok(Date.now() - quick < 5_000);
    const never = loadConfig({ DATABASE_URL: own.url, DATABASE_START_RETRY_SECONDS: '0' });
    own.stop();
    await assert.rejects(openWithRetry(never, {}, () => assert.fail('no retry with 0 seconds')), /Cannot connect to PostgreSQL/);
    own.start();
    assert.ok(await eventually(async () => (await outbox()).statusCode === 200, 15_000));
  });
});
