import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { recomputeDirty } from '../src/modules/eligibility/eligibility.engine.ts';
import { importCsv } from '../src/modules/imports/csv-import.ts';
import { CsvError } from '../src/modules/imports/csv.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { dropAbandonedStagingTables } from '../src/platform/db/staging.ts';
import type pg from 'pg';
import { runRewards } from './cli-helpers.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import {
  createTransactSeller,
  CSV_SALES_HEADER as HEADER,
  csvDaysAgo as at,
  csvFolder,
  csvLine as line,
  eligibilityOf,
  salesRows,
  tempDir,
} from './eligibility-helpers.ts';

// CSV imports, part 2: a crash while writing or after it, staging tables a killed process left
// behind, and `rewards import sales` itself in a child process. What a file may hold is in
// csv-import.test.ts.

/**
 * Fails the n-th statement containing `marker`, as a lost connection or a killed
 * process would at that point: what was committed before it stays, its transaction does not.
 */
class FailNthStatement implements KyselyPlugin {
  seen = 0;
  constructor(
    private readonly marker: string,
    private readonly n = 1,
  ) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (JSON.stringify(args.node).includes(this.marker)) {
      this.seen += 1;
      if (this.seen === this.n) throw new Error('simulated crash: connection terminated');
    }
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

for (const engine of engines()) {
  describe(`CSV import (${engine.name})`, () => {
    let t: TestApp;
    const csv = csvFolder();
    const write = csv.write;
    before(async () => {
      t = await startTestApp(engine);
      csv.open();
    });
    after(async () => {
      await t.close();
      csv.remove();
    });

    it('a crash while writing leaves nothing written and no staging table behind', async () => {
      const a = await createTransactSeller(t, ['100.00']);
      const aBefore = await eligibilityOf(t, a.accountId);
      const file = write([HEADER, line(a.id('w1'), a.offer, '20000.00', at(), 'billed'), line(a.id('w2'), a.offer, '10000.00', at(), 'billed')]);
      const crashing = { ...t.database, db: t.database.db.withPlugin(new FailNthStatement('insert into billed_sales')) };
      await assert.rejects(importCsv(crashing, 'sales', file), (error: unknown) => {
        assert.ok(error instanceof Error && !(error instanceof CsvError), String(error));
        assert.match(error.message, /^simulated crash: connection terminated\. Nothing was imported \(an import is one transaction\): import it again\.$/);
        return true;
      });
      assert.deepEqual(await salesRows(t, [a.id('w1'), a.id('w2')]), []);
      assert.deepEqual(await eligibilityOf(t, a.accountId), aBefore);
      const staging = await sql`select tablename from pg_tables where schemaname = current_schema() and tablename like 'import%'`.execute(t.database.db);
      assert.deepEqual(staging.rows, []);
    });

    it('a staging table left by a killed import is dropped by the next import whatever its age; one an import holds is kept', async () => {
      const a = await createTransactSeller(t);
      const dayOld = `import_stage_${Math.floor(Date.now() / 1000) - 25 * 3600}_0badc0de`;
      const recent = `import_stage_${Math.floor(Date.now() / 1000) - 60}_0badc0de`;
      for (const name of [dayOld, recent]) await sql`create unlogged table ${sql.table(name)} (line integer)`.execute(t.database.db);
      // On PostgreSQL, an import running in another process holds its table's advisory lock.
      const held = `import_stage_${Math.floor(Date.now() / 1000) - 5}_5afe5afe`;
      let holder: pg.PoolClient | null = null;
      if (t.database.raw.engine === 'postgres') {
        await sql`create unlogged table ${sql.table(held)} (line integer)`.execute(t.database.db);
        holder = await t.database.raw.pool.connect();
        await holder.query('select pg_advisory_lock(727002, hashtext($1))', [held]);
      }
      try {
        await importCsv(t.database, 'sales', write([HEADER, line(a.id('k1'), a.offer, '1.00', at(), 'billed')]));
        const left = await sql<{ tablename: string }>`
          select tablename from pg_tables where schemaname = current_schema() and tablename like 'import%'`.execute(t.database.db);
        assert.deepEqual(left.rows.map((r) => r.tablename), holder ? [held] : []);
        if (holder) {
          holder.release(true); // the holding import's process dies: its session and lock go with it
          holder = null;
          // The server lets go of a closed session's locks as its backend exits, a moment after the
          // socket closes (on a loaded machine, after the next statement had already looked).
          const pool = (t.database.raw as { pool: pg.Pool }).pool;
          for (let waited = 0; waited < 5000; waited += 50) {
            const probe = await pool.connect();
            const free = (await probe.query<{ free: boolean }>('select pg_try_advisory_lock(727002, hashtext($1)) as free', [held])).rows[0]!.free;
            if (free) await probe.query('select pg_advisory_unlock(727002, hashtext($1))', [held]);
            probe.release();
            if (free) break;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          assert.deepEqual(await dropAbandonedStagingTables(t.database), [held]);
        }
      } finally {
        holder?.release(true);
      }
    });

    it('a crash after the data is written leaves its partners marked dirty; recomputeDirty then computes them', async () => {
      const a = await createTransactSeller(t, ['100.00']);
      const b = await createTransactSeller(t, ['100.00']);
      const aBefore = await eligibilityOf(t, a.accountId);
      const bBefore = await eligibilityOf(t, b.accountId);
      const file = write([HEADER, line(a.id('c1'), a.offer, '20000.00', at(), 'billed'), line(a.id('c2'), a.offer, '10000.00', at(), 'billed')]);
      // The first statement of the recompute fails: the import's own transaction has committed.
      const crashing = { ...t.database, db: t.database.db.withPlugin(new FailNthStatement('insert into partner_eligibility as pe')) };
      await assert.rejects(importCsv(crashing, 'sales', file), /simulated crash/);

      assert.deepEqual((await salesRows(t, [a.id('c1'), a.id('c2')])).map((r) => r.id), [a.id('c1'), a.id('c2')]);
      // A's standing is the last computed one, flagged as out of date, never half-computed.
      const aMarked = await eligibilityOf(t, a.accountId);
      assert.deepEqual(aMarked, { ...aBefore, dirty: true });
      assert.equal(aMarked?.billed_sales_ttm_usd, '100.00');
      assert.deepEqual(await eligibilityOf(t, b.accountId), bBefore);

      assert.equal(await recomputeDirty(t.database.db), 1);
      const aAfter = await eligibilityOf(t, a.accountId);
      assert.equal(aAfter?.dirty, false);
      assert.equal(aAfter?.billed_sales_ttm_usd, '30100.00');
      assert.equal(aAfter?.tier_code, 'level-2');
      const granted = await t.database.db
        .selectFrom('entitlements')
        .select('benefit_code')
        .where('partner_account_id', '=', a.accountId)
        .where('benefit_code', '=', 'sponsorship-5k')
        .execute();
      assert.equal(granted.length, 1);
      assert.deepEqual(await eligibilityOf(t, b.accountId), bBefore);
    });
  });
}

describe('rewards import sales, the real command (child process, PGlite data folder)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = tempDir();
    env = { ...process.env, REWARDS_DATA_DIR: path.join(dir, 'data') };
    delete env.DATABASE_URL;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 1 naming the line for a bad file (writing nothing), and 0 for a good one', { timeout: 180_000 }, async () => {
    const demo = await runRewards(['demo'], env);
    assert.equal(demo.code, 0, demo.stderr);

    const read = async <T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> => {
      const database = await openDatabase({ engine: 'pglite', dataDir: env.REWARDS_DATA_DIR! });
      try {
        return await work(database.db);
      } finally {
        await database.close();
      }
    };
    const offer = await read((db) =>
      db.selectFrom('offers').select('id').where('status', '=', 'live').where('listing_type', '=', 'transact').orderBy('id').executeTakeFirstOrThrow(),
    );

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, [HEADER, line('cli-ok-1', offer.id, '10.00', at(), 'billed'), line('cli-bad', offer.id, '10.001', at(), 'billed'), ''].join('\n'));
    const failed = await runRewards(['import', 'sales', bad], env);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, /line 3: amountUsd "10\.001"/);

    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, [HEADER, line('cli-ok-1', offer.id, '10.00', at(), 'billed'), line('cli-ok-2', offer.id, '20.50', at(2), 'billed'), ''].join('\n'));
    const imported = await runRewards(['import', 'sales', good], env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(JSON.parse(imported.stdout.trim().split('\n').at(-1)!), { rows: 2, inserted: 2, updated: 0, partnersRecomputed: 1 });

    const rows = await read((db) => db.selectFrom('billed_sales').select(['id', 'amount_usd']).where('id', 'like', 'cli-%').orderBy('id').execute());
    assert.deepEqual(rows, [
      { id: 'cli-ok-1', amount_usd: '10.00' },
      { id: 'cli-ok-2', amount_usd: '20.50' },
    ]);
  });
});
