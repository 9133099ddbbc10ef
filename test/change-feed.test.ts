import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { ChangeFeed, SCOPES_OF_TABLE } from '../src/platform/db/change-feed.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { writtenTables } from '../src/platform/db/observed-dialect.ts';
import { VersionedCache } from '../src/platform/db/versioned-cache.ts';
import { createOperatorToken } from '../src/modules/identity/identity.service.ts';
import { call, createPartner, engines, NEEDS_POSTGRES, ops, signIn, startTestApp, type TestApp } from './helpers.ts';
import { createTransactSeller, postSales, sale } from './eligibility-helpers.ts';

/**
 * The in-process caches (sessions, the rewards summary) serve nothing stale:
 * a write through the same instance shows at once, a write elsewhere (another
 * instance, the CLI) within moments, and while the change feed is down the
 * caches are not used at all.
 */
const rewardsOf = async (app: FastifyInstance, session: Awaited<ReturnType<typeof signIn>>) => {
  const response = await call(app, session, 'GET', '/api/v1/rewards');
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ billedSalesTtmUsd: string; partnerAccount: { name: string } }>();
};

/** Polls until `check` holds (another instance learns of a change by notification, a few ms later). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 3000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`not within ${timeoutMs} ms: ${what}`);
}

describe('writtenTables', () => {
  it('names the tables an insert, update, delete or truncate writes, quoted or qualified', () => {
    assert.deepEqual(writtenTables('insert into "sessions" ("id") values ($1)'), ['sessions']);
    assert.deepEqual(writtenTables('update "users" set "locale" = $1 where "id" = $2'), ['users']);
    assert.deepEqual(writtenTables('delete from "public"."tenants" where id = $1'), ['tenants']);
    assert.deepEqual(writtenTables('truncate table billed_sales'), ['billed_sales']);
    assert.deepEqual(writtenTables('truncate sessions, "public".users').sort(), ['sessions', 'users']);
    assert.deepEqual(writtenTables('with x as (update offers o set name = $1 returning o.id) insert into audit_events select 1').sort(), [
      'audit_events',
      'offers',
    ]);
  });
  it('does not take `do update set`, `for update`, or a column like updated_at for a table that matters', () => {
    const upsert = writtenTables('insert into partner_eligibility as pe (a) values (1) on conflict (a) do update set updated_at = now()');
    assert.ok(upsert.includes('partner_eligibility'));
    assert.ok(upsert.every((table) => table === 'partner_eligibility' || !(table in SCOPES_OF_TABLE)));
    assert.ok(writtenTables('select id from outbox for update skip locked').every((table) => !(table in SCOPES_OF_TABLE)));
    assert.deepEqual(writtenTables('select updated_at from offers'), []);
  });
});

describe('VersionedCache', () => {
  it('keeps a value only while its scope has not changed, and not one loaded across a change', async () => {
    const feed = new ChangeFeed(false);
    const cache = new VersionedCache<string, number>(feed, 'rewards', { ttlMs: 60_000, maxEntries: 10 });
    assert.equal(await cache.getOrLoad('a', async () => ({ value: 1 })), 1);
    assert.equal(cache.get('a'), 1);
    feed.tablesChanged(['sessions']);
    assert.equal(cache.get('a'), 1, 'another scope changed: still good');
    feed.tablesChanged(['offers']);
    assert.equal(cache.get('a'), undefined);
    // A change committed while the value was being read: the value is returned but not kept.
    const value = await cache.getOrLoad('a', async () => {
      feed.tablesChanged(['billed_sales']);
      return { value: 2 };
    });
    assert.equal(value, 2);
    assert.equal(cache.get('a'), undefined);
  });
  it('honours the TTL, the loader’s end, `cache: false` and the size bound', async () => {
    const feed = new ChangeFeed(false);
    const cache = new VersionedCache<string, number>(feed, 'sessions', { ttlMs: 1000, maxEntries: 2 });
    await cache.getOrLoad('short', async () => ({ value: 1, until: Date.now() + 50 }));
    assert.equal(cache.get('short'), 1);
    assert.equal(cache.get('short', Date.now() + 60), undefined);
    await cache.getOrLoad('ttl', async () => ({ value: 1 }));
    assert.equal(cache.get('ttl', Date.now() + 1001), undefined);
    await cache.getOrLoad('refused', async () => ({ value: 0, cache: false }));
    assert.equal(cache.get('refused'), undefined);
    for (const key of ['x', 'y', 'z']) await cache.getOrLoad(key, async () => ({ value: 1 }));
    assert.equal(cache.size, 2);
    assert.equal(cache.get('x'), undefined, 'the oldest went first');
  });
  it('keeps the held weight under its bound, dropping the oldest, and never keeps a value heavier than the bound', async () => {
    const feed = new ChangeFeed(false);
    const cache = new VersionedCache<string, string>(feed, 'rewards', { ttlMs: 60_000, maxEntries: 100, weigh: (v) => v.length, maxWeight: 10 });
    await cache.getOrLoad('a', async () => ({ value: 'aaaa' }));
    await cache.getOrLoad('b', async () => ({ value: 'bbbb' }));
    await cache.getOrLoad('c', async () => ({ value: 'cccc' }));
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.get('c'), 'cccc');
    assert.equal(cache.weight, 8);
    assert.equal(await cache.getOrLoad('huge', async () => ({ value: 'x'.repeat(11) })), 'x'.repeat(11));
    assert.equal(cache.get('huge'), undefined);
    assert.equal(cache.get('b'), 'bbbb', 'a value that cannot fit evicts nothing');
  });
  it('serves and keeps nothing while the feed is not listening', async () => {
    const feed = new ChangeFeed(true);
    const cache = new VersionedCache<string, number>(feed, 'rewards', { ttlMs: 60_000, maxEntries: 10 });
    let loads = 0;
    await cache.getOrLoad('a', async () => ({ value: ++loads }));
    await cache.getOrLoad('a', async () => ({ value: ++loads }));
    assert.equal(loads, 2);
  });
});

for (const engine of engines()) {
  describe(`change feed (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
      assert.ok(await t.database.changes.whenReady());
    });
    after(() => t.close());

    it('puts a notifying trigger on exactly the tables the caches read', async () => {
      const rows = await sql<{ table: string }>`
        select c.relname as "table" from pg_trigger tg
        join pg_class c on c.oid = tg.tgrelid join pg_proc p on p.oid = tg.tgfoid
        where p.proname = 'notify_rewards_change' and c.relnamespace = current_schema()::regnamespace`.execute(t.database.db);
      assert.deepEqual(rows.rows.map((row) => row.table).sort(), Object.keys(SCOPES_OF_TABLE).sort());
    });

    it('a write through the same instance shows in the next read: sales, a rename, a program of the summary', async () => {
      const seller = await createTransactSeller(t, ['100.00'], { admin: ['global-admin'] });
      const session = await signIn(t.app, seller.partner.users.admin!.username);
      assert.equal((await rewardsOf(t.app, session)).billedSalesTtmUsd, '100.00');
      assert.equal((await rewardsOf(t.app, session)).billedSalesTtmUsd, '100.00', 'served again (from the cache)');
      await postSales(t, [sale(seller.id('s-more'), seller.offer, '23.45')]);
      assert.equal((await rewardsOf(t.app, session)).billedSalesTtmUsd, '123.45');
      await sql`update partner_accounts set name = 'Renamed Ltd' where id = ${seller.accountId}`.execute(t.database.db);
      assert.equal((await rewardsOf(t.app, session)).partnerAccount.name, 'Renamed Ltd');
    });

    it('sign-out and a role taken away end access at once on the same instance', async () => {
      const partner = await createPartner(t, { admin: ['global-admin'], agent: ['admin-agent'] });
      const admin = await signIn(t.app, partner.users.admin!.username);
      const agent = await signIn(t.app, partner.users.agent!.username);
      assert.equal((await call(t.app, agent, 'GET', '/api/v1/rewards')).statusCode, 200);
      const demoted = await call(t.app, admin, 'PATCH', `/api/v1/account/users/${partner.users.agent!.id}`, { roles: ['user'] });
      assert.equal(demoted.statusCode, 200, demoted.body);
      assert.equal((await call(t.app, agent, 'GET', '/api/v1/rewards')).statusCode, 403);
      assert.equal((await call(t.app, admin, 'POST', '/api/v1/auth/sign-out')).statusCode, 204);
      assert.equal((await call(t.app, admin, 'GET', '/api/v1/me')).statusCode, 401);
    });

    it('a write that bypasses Kysely (COPY, the engine handle) is still seen, through the trigger', async () => {
      const seller = await createTransactSeller(t, ['10.00'], { admin: ['global-admin'] });
      const session = await signIn(t.app, seller.partner.users.admin!.username);
      assert.equal((await rewardsOf(t.app, session)).partnerAccount.name, `Partner ${seller.partner.domain}`);
      const rename = `update partner_accounts set name = 'Raw Write BV' where id = '${seller.accountId}'`;
      if (t.database.raw.engine === 'pglite') await t.database.raw.pglite.exec(rename);
      else {
        const client = await t.database.raw.pool.connect();
        await client.query(rename).finally(() => client.release());
      }
      await eventually(async () => (await rewardsOf(t.app, session)).partnerAccount.name === 'Raw Write BV', 'the raw rename shows');
    });
  });
}

const url = process.env.TEST_DATABASE_URL;
describe('change feed across instances (postgres)', { skip: url ? false : NEEDS_POSTGRES }, () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let a: { app: FastifyInstance; database: Database };
  let b: { app: FastifyInstance; database: Database };
  let operatorToken: string;
  const instance = async () => {
    const database = await openDatabase({ engine: 'postgres', url: url!, schema, poolSize: 3 });
    // As `rewards serve` does: migrated before the app starts (its start revokes a stale env token).
    await migrate(database.db);
    const app = await buildApp({ config: loadConfig({ PUBLIC_URL: 'http://localhost:3000', REWARDS_WEB: 'off' }), database, logger: false });
    await app.ready();
    assert.ok(await database.changes.whenReady());
    return { app, database };
  };
  before(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    a = await instance();
    b = await instance();
    ({ token: operatorToken } = await createOperatorToken(a.database.db, 'feed-test'));
  });
  after(async () => {
    await b.app.close();
    await b.database.close();
    await sql.raw(`drop schema ${schema} cascade`).execute(a.database.db);
    await a.app.close();
    await a.database.close();
  });
  // The fixtures helpers take a TestApp; instance A plays it.
  const onA = (): TestApp => ({ app: a.app, database: a.database, config: loadConfig({}), operatorToken, logLines: [], close: async () => {} });

  it('sales ingested on one instance show on the other, whose summary was cached', async () => {
    const seller = await createTransactSeller(onA(), ['5.00'], { admin: ['global-admin'] });
    const session = await signIn(b.app, seller.partner.users.admin!.username);
    assert.equal((await rewardsOf(b.app, session)).billedSalesTtmUsd, '5.00');
    const posted = await ops(onA(), 'POST', '/api/v1/ops/billed-sales', { items: [sale(seller.id('s-a'), seller.offer, '1.25')] });
    assert.equal(posted.statusCode, 200, posted.body);
    await eventually(async () => (await rewardsOf(b.app, session)).billedSalesTtmUsd === '6.25', 'B shows the sale ingested on A');
  });

  it('a sign-out on one instance ends the session on the other', async () => {
    const partner = await createPartner(onA(), { admin: ['global-admin'] });
    const session = await signIn(a.app, partner.users.admin!.username);
    assert.equal((await call(b.app, session, 'GET', '/api/v1/me')).statusCode, 200);
    assert.equal((await call(a.app, session, 'POST', '/api/v1/auth/sign-out')).statusCode, 204);
    await eventually(async () => (await call(b.app, session, 'GET', '/api/v1/me')).statusCode === 401, 'B refuses the signed-out cookie');
  });

  it('a listener that still hears its own heartbeat stays up; one that is open but deaf counts as lost', async () => {
    const connection = { connectionString: url, options: `-c search_path=${schema}` };
    const hearing = new ChangeFeed(true);
    hearing.listenPostgres(connection, () => {}, { heartbeatMs: 200 });
    const deaf = new ChangeFeed(true);
    const losses: unknown[] = [];
    deaf.listenPostgres(connection, (_message, error) => losses.push(error), { heartbeatMs: 50, heartbeatChannel: 'nobody_listens_here' });
    try {
      assert.ok(await hearing.whenReady());
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.ok(hearing.ready, 'five heartbeats later, still listening');
      await eventually(async () => losses.length > 0, 'the deaf listener is given up');
      assert.match(String(losses[0]), /no heartbeat back/);
    } finally {
      await hearing.close();
      await deaf.close();
    }
  });

  it('while the feed is down nothing is served from the cache, and it comes back by itself', async () => {
    const seller = await createTransactSeller(onA(), ['7.00'], { admin: ['global-admin'] });
    const session = await signIn(b.app, seller.partner.users.admin!.username);
    assert.equal((await rewardsOf(b.app, session)).billedSalesTtmUsd, '7.00');
    // Cut B's LISTEN connection, then write while it cannot hear.
    const killer = new pg.Client({ connectionString: url });
    await killer.connect();
    try {
      const pid = b.database.changes.backendPid;
      assert.ok(pid !== null);
      const cut = await killer.query<{ cut: boolean }>(
        `select pg_terminate_backend(pid) as cut from pg_stat_activity where pid = $1 and application_name = 'rewards-change-feed'`,
        [pid],
      );
      assert.equal(cut.rows[0]?.cut, true, 'the listener was cut');
      await eventually(async () => !b.database.changes.ready, 'B notices the lost feed');
      await killer.query(`update ${schema}.partner_accounts set name = 'Written While Deaf' where id = $1`, [seller.accountId]);
    } finally {
      await killer.end();
    }
    assert.equal((await rewardsOf(b.app, session)).partnerAccount.name, 'Written While Deaf');
    assert.ok(await b.database.changes.whenReady(), 'the feed reconnects');
    assert.equal((await rewardsOf(b.app, session)).partnerAccount.name, 'Written While Deaf');
  });
});
