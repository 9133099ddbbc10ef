import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { markDirty, recomputeEligibility } from '../src/modules/eligibility/eligibility.engine.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import { createTransactSeller, daysAgo, eligibilityOf } from './eligibility-helpers.ts';

/**
 * A recompute that runs while another transaction changes the same account's
 * inputs (an import's merge, say) must not clear the dirty mark with figures
 * that miss the change. Only PostgreSQL runs transactions side by side
 * (PGlite has one connection, so they queue and cannot race).
 */
for (const engine of engines().filter((e) => e.name === 'postgres')) {
  describe(`eligibility under concurrent writes (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(() => t.close());

    it('a recompute that starts while a sale is being written waits for it, and counts it', async () => {
      const seller = await createTransactSeller(t);
      const { db } = t.database;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let written!: () => void;
      const saleWritten = new Promise<void>((resolve) => (written = resolve));
      // The writer: a sale and the account's dirty mark, committed only when released.
      const writer = db.transaction().execute(async (trx) => {
        await sql`insert into billed_sales (id, offer_id, amount_usd, billed_at, status)
          values (${seller.id('race')}, ${seller.offer}, 5000, ${daysAgo(1).toISOString()}, 'billed')`.execute(trx);
        await markDirty(trx, [seller.accountId]);
        written();
        await held;
      });
      await saleWritten;
      // The reader's recompute (GET /rewards of a stale standing) starts before the writer commits.
      const recompute = db.transaction().execute((trx) => recomputeEligibility(trx, [seller.accountId]));
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      await Promise.all([writer, recompute]);
      const standing = await eligibilityOf(t, seller.accountId);
      // Before the fix: 0.00 and not dirty, so the end-of-import recompute skipped it for a day.
      assert.equal(standing!.billed_sales_ttm_usd, '5000.00');
      assert.equal(standing!.dirty, false);
    });
  });
}
