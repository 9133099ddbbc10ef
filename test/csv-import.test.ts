import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { importCsv, type ImportProgress } from '../src/modules/imports/csv-import.ts';
import { CsvError } from '../src/modules/imports/csv.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import {
  createSeller,
  createTransactSeller,
  CSV_SALES_HEADER as HEADER,
  csvDaysAgo as at,
  csvFolder,
  csvLine as line,
  daysAgo,
  eligibilityOf,
  salesRows,
} from './eligibility-helpers.ts';

// CSV imports, part 1: what a file may hold (sales, offers and profiles), what a bad line does, and
// what importing again changes. Crashes, staging tables left behind and the real command are in
// csv-import-recovery.test.ts.

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
