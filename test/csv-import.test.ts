import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { recomputeDirty } from '../src/modules/eligibility/eligibility.engine.ts';
import { importCsv, type ImportProgress } from '../src/modules/imports/csv-import.ts';
import { CsvError } from '../src/modules/imports/csv.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import { createSeller, createTransactSeller, daysAgo, eligibilityOf, salesRows } from './eligibility-helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = 'id,offerId,amountUsd,billedAt,status';

/** A CSV line of a billed sale (fields as given, unquoted). */
const line = (...fields: string[]) => fields.join(',');
const at = (days = 1) => daysAgo(days).toISOString();

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-csv-'));
}

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
    let dir: string;
    let files = 0;
    const write = (lines: string[], eol = '\n') => {
      files += 1;
      const file = path.join(dir, `file-${files}.csv`);
      fs.writeFileSync(file, lines.join(eol) + eol);
      return file;
    };
    before(async () => {
      t = await startTestApp(engine);
      dir = tempDir();
    });
    after(async () => {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('imports a good file and recomputes the partners it touched', async () => {
      const s = await createTransactSeller(t);
      assert.equal((await eligibilityOf(t, s.accountId))?.tier_code, null);
      // The same instant written with a +02:00 offset.
      const billedB = daysAgo(2);
      const withOffset = new Date(billedB.getTime() + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
      const file = write([
        HEADER,
        line(s.id('a'), s.offer, '20000.00', at(), 'billed'),
        line(s.id('b'), s.offer, '5000', withOffset, 'billed'),
        line(s.id('c'), s.offer, '999.99', at(3), 'refunded'),
      ]);
      const phases = new Set<ImportProgress['phase']>();
      const result = await importCsv(t.database, 'sales', file, { onProgress: (p) => phases.add(p.phase) });
      assert.deepEqual(result, { rows: 3, inserted: 3, updated: 0, partnersRecomputed: 1 });
      assert.deepEqual([...phases].sort(), ['checking', 'importing', 'recomputing']);
      const rows = await salesRows(t, [s.id('a'), s.id('b'), s.id('c')]);
      assert.deepEqual(
        rows.map((r) => [r.id, r.amount_usd, r.status]),
        [
          [s.id('a'), '20000.00', 'billed'],
          [s.id('b'), '5000.00', 'billed'],
          [s.id('c'), '999.99', 'refunded'],
        ],
      );
      assert.equal(rows[1]!.billed_at.toISOString(), billedB.toISOString());
      const row = await eligibilityOf(t, s.accountId);
      assert.equal(row?.dirty, false);
      assert.equal(row?.billed_sales_ttm_usd, '25000.00');
      assert.equal(row?.tier_code, 'level-2');
    });

    describe('a malformed row stops the import before anything is written, naming its line', () => {
      const cases: { what: string; line: number; bad: (offer: string, id: string) => string; message: RegExp }[] = [
        { what: 'an amount with three decimals', line: 3, bad: (o, id) => line(id, o, '12.345', at(), 'billed'), message: /amountUsd "12\.345"/ },
        { what: 'a negative amount', line: 3, bad: (o, id) => line(id, o, '-12.00', at(), 'billed'), message: /amountUsd/ },
        { what: 'a date that is no date', line: 3, bad: (o, id) => line(id, o, '12.00', 'yesterday', 'billed'), message: /billedAt "yesterday"/ },
        { what: 'an impossible hour', line: 3, bad: (o, id) => line(id, o, '12.00', '2025-01-30T25:00:00Z', 'billed'), message: /billedAt/ },
        { what: 'a day the month lacks', line: 3, bad: (o, id) => line(id, o, '12.00', '2025-02-30T10:00:00Z', 'billed'), message: /billedAt "2025-02-30T10:00:00Z"/ },
        { what: 'a time without a zone', line: 3, bad: (o, id) => line(id, o, '12.00', '2025-01-31T12:00:00', 'billed'), message: /billedAt "2025-01-31T12:00:00"/ },
        { what: 'a wrong field count', line: 3, bad: (o, id) => line(id, o, '12,00', at(), 'billed'), message: /6 fields where the header has 5/ },
        { what: 'an unclosed quote', line: 3, bad: (o, id) => line(id, o, '"12.00', at(), 'billed'), message: /quoted field is not closed/ },
        { what: 'the year 0, which PostgreSQL lacks', line: 3, bad: (o, id) => line(id, o, '12.00', '0000-01-01T00:00:00Z', 'billed'), message: /billedAt "0000-01-01T00:00:00Z"/ },
        { what: 'an id with a NUL character', line: 3, bad: (o, id) => line(`${id}\u0000x`, o, '12.00', at(), 'billed'), message: /id ".*" is not an id/ },
        { what: 'an unknown status', line: 3, bad: (o, id) => line(id, o, '12.00', at(), 'paid'), message: /status "paid"/ },
      ];
      for (const c of cases) {
        it(c.what, async () => {
          const s = await createTransactSeller(t, ['10.00']);
          const before = await eligibilityOf(t, s.accountId);
          const file = write([
            HEADER,
            line(s.id('ok1'), s.offer, '30000.00', at(), 'billed'),
            c.bad(s.offer, s.id('bad')),
            line(s.id('ok2'), s.offer, '1.00', at(), 'billed'),
          ]);
          await assert.rejects(
            importCsv(t.database, 'sales', file),
            (error: unknown) => {
              assert.ok(error instanceof CsvError, String(error));
              assert.equal(error.line, c.line);
              assert.match(error.message, new RegExp(`^line ${c.line}: `));
              assert.match(error.message, c.message);
              return true;
            },
          );
          assert.deepEqual(await salesRows(t, [s.id('ok1'), s.id('bad'), s.id('ok2')]), [], 'nothing was written');
          assert.deepEqual(await eligibilityOf(t, s.accountId), before);
        });
      }

      it('a header without the required columns', async () => {
        const file = write(['id,offerId,amount,billedAt,status', line('x', 'y', '1.00', at(), 'billed')]);
        await assert.rejects(importCsv(t.database, 'sales', file), (error: unknown) => {
          assert.ok(error instanceof CsvError);
          assert.equal(error.line, 1);
          assert.match(error.message, /amountUsd/);
          return true;
        });
      });
    });

    it('an unknown offer stops the import before anything is written, naming its line; --from-line skips what came before', async () => {
      const s = await createTransactSeller(t);
      const good = [
        HEADER,
        line(s.id('l2'), s.offer, '10000.00', at(), 'billed'),
        line(s.id('l3'), s.offer, '10000.00', at(), 'billed'),
        line(s.id('l4'), s.offer, '3000.00', at(), 'billed'),
      ];
      const before = await eligibilityOf(t, s.accountId);
      const file = write([...good, line(s.id('l5'), s.id('no-such-offer'), '2000.00', at(), 'billed')]);
      await assert.rejects(importCsv(t.database, 'sales', file), (error: unknown) => {
        assert.ok(error instanceof CsvError, String(error));
        assert.equal(error.line, 5);
        assert.match(error.message, /^line 5: OFFER_UNKNOWN \(no offer has the id "no-such-offer-\d+"\)\. /);
        assert.match(error.message, /Nothing was imported\. Fix the file and import it again\.$/);
        return true;
      });
      assert.deepEqual(await salesRows(t, [s.id('l2'), s.id('l3'), s.id('l4'), s.id('l5')]), []);
      assert.deepEqual(await eligibilityOf(t, s.accountId), before, 'not even marked dirty');

      // Resuming from line 4: lines 2-3 are still checked for format, but not imported.
      const fixed = write([...good, line(s.id('l5'), s.offer, '2000.00', at(), 'billed')]);
      assert.deepEqual(await importCsv(t.database, 'sales', fixed, { fromLine: 4 }), { rows: 2, inserted: 2, updated: 0, partnersRecomputed: 1 });
      assert.deepEqual((await salesRows(t, [s.id('l2'), s.id('l3'), s.id('l4'), s.id('l5')])).map((r) => r.id), [s.id('l4'), s.id('l5')]);
      assert.equal((await eligibilityOf(t, s.accountId))?.billed_sales_ttm_usd, '5000.00');
      const malformedEarlier = write([HEADER, line(s.id('l2'), s.offer, '1.001', at(), 'billed'), ...good.slice(2)]);
      await assert.rejects(importCsv(t.database, 'sales', malformedEarlier, { fromLine: 3 }), /^CsvError: line 2: amountUsd "1\.001"/);
      // An unknown offer after --from-line names the same --from-line to run again with.
      await assert.rejects(importCsv(t.database, 'sales', file, { fromLine: 3 }), /line 5: OFFER_UNKNOWN.*import it again with --from-line 3\.$/);

      assert.deepEqual(await importCsv(t.database, 'sales', fixed), { rows: 4, inserted: 2, updated: 0, partnersRecomputed: 1 });
      const row = await eligibilityOf(t, s.accountId);
      assert.equal(row?.dirty, false);
      assert.equal(row?.billed_sales_ttm_usd, '25000.00');
      assert.equal(row?.tier_code, 'level-2');
    });

    it('importing the same file twice changes nothing; a later file updates only the lines that differ', async () => {
      const s = await createTransactSeller(t);
      const ids = [s.id('x1'), s.id('x2'), s.id('x3')];
      const [t1, t4, t8] = [at(1), at(4), at(8)];
      const file = write([
        HEADER,
        line(ids[0]!, s.offer, '100.00', t1, 'billed'),
        line(ids[1]!, s.offer, '200.00', t4, 'cancelled'),
        line(ids[2]!, s.offer, '300.00', t8, 'billed'),
      ]);
      assert.deepEqual(await importCsv(t.database, 'sales', file), { rows: 3, inserted: 3, updated: 0, partnersRecomputed: 1 });
      const rows = await salesRows(t, ids);
      const eligibility = await eligibilityOf(t, s.accountId);
      assert.equal(eligibility?.billed_sales_ttm_usd, '400.00');

      assert.deepEqual(await importCsv(t.database, 'sales', file), { rows: 3, inserted: 0, updated: 0, partnersRecomputed: 0 });
      assert.deepEqual(await salesRows(t, ids), rows);
      assert.deepEqual(await eligibilityOf(t, s.accountId), eligibility);

      // 100.0 is the same amount, and the same instant written with an offset the same time: only x3, refunded now, is updated.
      const withOffset = new Date(Date.parse(t1) + 3_600_000).toISOString().replace('Z', '+01:00');
      const later = write([HEADER, line(ids[0]!, s.offer, '100.0', withOffset, 'billed'), line(ids[2]!, s.offer, '300.00', t8, 'refunded')]);
      const sameInstant = write([HEADER, line(ids[0]!, s.offer, '100.00', withOffset, 'billed')]);
      assert.deepEqual(await importCsv(t.database, 'sales', sameInstant), { rows: 1, inserted: 0, updated: 0, partnersRecomputed: 0 });
      assert.deepEqual(await importCsv(t.database, 'sales', later), { rows: 2, inserted: 0, updated: 1, partnersRecomputed: 1 });
      assert.equal((await salesRows(t, [ids[2]!]))[0]?.status, 'refunded');
      assert.equal((await eligibilityOf(t, s.accountId))?.billed_sales_ttm_usd, '100.00');
    });

    it('a line repeated within a file: the last one wins', async () => {
      const s = await createTransactSeller(t);
      const last = at(3);
      const file = write([
        HEADER,
        line(s.id('d1'), s.offer, '50000.00', at(), 'billed'),
        line(s.id('d2'), s.offer, '10.00', at(), 'billed'),
        line(s.id('d1'), s.offer, '70000.00', at(2), 'billed'),
        line(s.id('d1'), s.offer, '30000.00', last, 'fraudulent'),
      ]);
      assert.deepEqual(await importCsv(t.database, 'sales', file), { rows: 4, inserted: 2, updated: 0, partnersRecomputed: 1 });
      const [d1] = await salesRows(t, [s.id('d1')]);
      assert.deepEqual([d1?.amount_usd, d1?.status, d1?.billed_at.toISOString()], ['30000.00', 'fraudulent', last]);
      const row = await eligibilityOf(t, s.accountId);
      assert.equal(row?.billed_sales_ttm_usd, '10.00');
      assert.equal(row?.fraudulent_ttm_usd, '30000.00');
    });

    it('a line moved to another partner\'s offer recomputes both partners', async () => {
      const a = await createTransactSeller(t);
      const b = await createTransactSeller(t);
      const id = a.id('moved');
      await importCsv(t.database, 'sales', write([HEADER, line(id, a.offer, '30000.00', at(), 'billed')]));
      assert.equal((await eligibilityOf(t, a.accountId))?.tier_code, 'level-2');
      const result = await importCsv(t.database, 'sales', write([HEADER, line(id, b.offer, '30000.00', at(), 'billed')]));
      assert.deepEqual(result, { rows: 1, inserted: 0, updated: 1, partnersRecomputed: 2 });
      assert.equal((await eligibilityOf(t, a.accountId))?.billed_sales_ttm_usd, '0.00');
      assert.equal((await eligibilityOf(t, b.accountId))?.billed_sales_ttm_usd, '30000.00');
    });

    it('parses quoted fields with commas and doubled quotes, CRLF line ends, a BOM and any column order', async () => {
      const s = await createSeller(t);
      const profile = s.id('pp-q');
      const offer = s.id('o-q');
      const saleId = `q,1"${s.mpnId}`;
      const profiles = write(['\uFEFFname,id,mpnId', `"Contoso, ""Pro"" Seller",${profile},${s.mpnId}`], '\r\n');
      assert.equal((await importCsv(t.database, 'profiles', profiles)).rows, 1);
      const offers = write(
        [
          'id,publisherProfileId,name,listingType,status,liveAt,delistedAt',
          `${offer},${profile},"Suite, ""Gold"" edition",transact,live,${at(10)},`,
        ],
        '\r\n',
      );
      assert.equal((await importCsv(t.database, 'offers', offers)).rows, 1);
      const sales = write(['status,amountUsd,id,billedAt,offerId', `billed,"1,5"x,"q,1""${s.mpnId}",${at()},${offer}`]);
      // "1,5"x is not an amount: the quoted part keeps its comma and the line still has five fields.
      await assert.rejects(importCsv(t.database, 'sales', sales), /line 2: amountUsd "1,5x"/);
      const fixed = write(['status,amountUsd,id,billedAt,offerId', `billed,"1500.25","q,1""${s.mpnId}",${at()},${offer}`]);
      assert.equal((await importCsv(t.database, 'sales', fixed)).rows, 1);

      const storedProfile = await t.database.db.selectFrom('publisher_profiles').selectAll().where('id', '=', profile).executeTakeFirstOrThrow();
      assert.equal(storedProfile.name, 'Contoso, "Pro" Seller');
      assert.equal(storedProfile.mpn_id, s.mpnId);
      const storedOffer = await t.database.db.selectFrom('offers').selectAll().where('id', '=', offer).executeTakeFirstOrThrow();
      assert.equal(storedOffer.name, 'Suite, "Gold" edition');
      assert.equal(storedOffer.delisted_at, null);
      const [storedSale] = await salesRows(t, [saleId]);
      assert.equal(storedSale?.amount_usd, '1500.25');
      assert.equal(storedSale?.offer_id, offer);
      const row = await eligibilityOf(t, s.accountId);
      assert.equal(row?.live_transact, 1);
      assert.equal(row?.billed_sales_ttm_usd, '1500.25');
      assert.equal(row?.dirty, false);
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

    it('a staging table left by a killed process is dropped by a later import once a day old', async () => {
      const a = await createTransactSeller(t);
      const dayOld = `import_stage_${Math.floor(Date.now() / 1000) - 25 * 3600}_0badc0de`;
      const recent = `import_stage_${Math.floor(Date.now() / 1000) - 60}_0badc0de`;
      for (const name of [dayOld, recent]) await sql`create unlogged table ${sql.table(name)} (line integer)`.execute(t.database.db);
      await importCsv(t.database, 'sales', write([HEADER, line(a.id('k1'), a.offer, '1.00', at(), 'billed')]));
      const left = await sql<{ tablename: string }>`
        select tablename from pg_tables where schemaname = current_schema() and tablename like 'import%'`.execute(t.database.db);
      // The recent one may belong to an import still running elsewhere.
      assert.deepEqual(left.rows.map((r) => r.tablename), [recent]);
      await sql`drop table ${sql.table(recent)}`.execute(t.database.db);
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

    it('offers cannot be deleted: billed sales refer to them without a foreign key (migration 0005)', async () => {
      const s = await createTransactSeller(t, ['10.00']);
      await assert.rejects(sql`delete from offers where id = ${s.offer}`.execute(t.database.db), /offers are never deleted/);
      await assert.rejects(sql`truncate offers cascade`.execute(t.database.db), /offers are never deleted/);
      assert.equal((await t.database.db.selectFrom('offers').select('id').where('id', '=', s.offer).execute()).length, 1);
    });

    it('a profile name longer than 200 characters, or holding a NUL, names its line and writes nothing', async () => {
      const s = await createSeller(t);
      for (const name of ['x'.repeat(201), 'Contoso\u0000Apps']) {
        const file = write(['id,name,mpnId', `${s.id('pp-ok')},Fine,${s.mpnId}`, `${s.id('pp-bad')},${name},${s.mpnId}`]);
        await assert.rejects(importCsv(t.database, 'profiles', file), /^CsvError: line 3: name ".*" is not a name \(1 to 200 characters\)\. Nothing was imported/);
      }
      const stored = await t.database.db.selectFrom('publisher_profiles').select('id').where('id', '=', s.id('pp-ok')).execute();
      assert.equal(stored.length, 0);
    });

    it('offers and profiles: an unknown profile names its line; a relinked profile recomputes both partners', async () => {
      const a = await createTransactSeller(t, ['30000.00']);
      const b = await createSeller(t);
      const offers = write([
        'id,publisherProfileId,name,listingType,status,liveAt,delistedAt',
        `${a.id('o2')},${a.profile},Second,trial,live,${at(5)},`,
        `${a.id('o3')},${a.id('no-such-profile')},Third,trial,live,${at(5)},`,
      ]);
      await assert.rejects(importCsv(t.database, 'offers', offers), /^CsvError: line 3: PUBLISHER_PROFILE_UNKNOWN .*Nothing was imported/);
      assert.equal((await eligibilityOf(t, a.accountId))?.live_trial, 0);

      // A new profile has no offers yet, and a new name changes no standing: nobody to recompute.
      const extra = write(['id,name,mpnId', `${b.id('pp-extra')},Extra,${b.mpnId}`, `${b.profile},Renamed,${b.mpnId}`]);
      assert.deepEqual(await importCsv(t.database, 'profiles', extra), { rows: 2, inserted: 1, updated: 1, partnersRecomputed: 0 });
      // The profile that carries A's offer (and its sales) moves to B's MPN ID.
      const profiles = write(['id,name,mpnId', `${a.profile},Moved,${b.mpnId}`]);
      assert.deepEqual(await importCsv(t.database, 'profiles', profiles), { rows: 1, inserted: 0, updated: 1, partnersRecomputed: 2 });
      assert.equal((await eligibilityOf(t, a.accountId))?.billed_sales_ttm_usd, '0.00');
      const bRow = await eligibilityOf(t, b.accountId);
      assert.equal(bRow?.billed_sales_ttm_usd, '30000.00');
      assert.equal(bRow?.live_transact, 1);
      assert.deepEqual(await importCsv(t.database, 'profiles', profiles), { rows: 1, inserted: 0, updated: 0, partnersRecomputed: 0 });
    });
  });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'rewards.js'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
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
    const demo = await runCli(['demo'], env);
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
    const failed = await runCli(['import', 'sales', bad], env);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, /line 3: amountUsd "10\.001"/);

    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, [HEADER, line('cli-ok-1', offer.id, '10.00', at(), 'billed'), line('cli-ok-2', offer.id, '20.50', at(2), 'billed'), ''].join('\n'));
    const imported = await runCli(['import', 'sales', good], env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(JSON.parse(imported.stdout.trim().split('\n').at(-1)!), { rows: 2, inserted: 2, updated: 0, partnersRecomputed: 1 });

    const rows = await read((db) => db.selectFrom('billed_sales').select(['id', 'amount_usd']).where('id', 'like', 'cli-%').orderBy('id').execute());
    assert.deepEqual(rows, [
      { id: 'cli-ok-1', amount_usd: '10.00' },
      { id: 'cli-ok-2', amount_usd: '20.50' },
    ]);
  });
});
