import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import {
  addMonthsUtc,
  createSeller,
  createTransactSeller,
  DAY,
  daysAgo,
  eligibilityOf,
  entitlementsOf,
  opsSummary,
  postSales,
  recompute,
  sale,
  salesRows,
} from './eligibility-helpers.ts';

// Eligibility rules, part 1: the tier a partner's billed sales give, over the trailing twelve
// months, and how sales messages are counted. Offers and the benefits they and the tiers unlock
// are in eligibility-benefits.test.ts; program versions in eligibility-program.test.ts.

for (const engine of engines()) {
  describe(`eligibility rules (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());


    describe('tier thresholds of the default program, at and around each boundary', () => {
      const cases: { amount: string; ttm: string; tier: string | null; next: string | null; missing: string | null }[] = [
        { amount: '0', ttm: '0.00', tier: null, next: 'level-1', missing: '0.01' },
        { amount: '0.01', ttm: '0.01', tier: 'level-1', next: 'level-2', missing: '24999.99' },
        { amount: '24999.99', ttm: '24999.99', tier: 'level-1', next: 'level-2', missing: '0.01' },
        { amount: '25000.00', ttm: '25000.00', tier: 'level-2', next: 'level-3', missing: '75000.00' },
        { amount: '25000.01', ttm: '25000.01', tier: 'level-2', next: 'level-3', missing: '74999.99' },
        { amount: '3999999.99', ttm: '3999999.99', tier: 'level-4', next: 'level-5', missing: '0.01' },
        { amount: '4000000', ttm: '4000000.00', tier: 'level-5', next: null, missing: null },
      ];
      for (const c of cases) {
        it(`billed sales of ${c.amount} give ${c.tier ?? 'no tier'}`, async () => {
          const s = await createTransactSeller(t, [c.amount]);
          const row = await eligibilityOf(t, s.accountId);
          assert.equal(row?.billed_sales_ttm_usd, c.ttm);
          assert.equal(row?.tier_code, c.tier);
          const summary = await opsSummary(t, s.mpnId);
          assert.equal(summary.billedSalesTtmUsd, c.ttm);
          assert.equal(summary.tier?.code ?? null, c.tier);
          assert.equal(summary.nextTier?.code ?? null, c.next);
          assert.equal(summary.nextTier?.missingUsd ?? null, c.missing);
          const tierBenefits = (await entitlementsOf(t, s.accountId)).filter((e) => e.tier_code !== null);
          assert.equal(tierBenefits.length > 0, c.tier !== null, 'tier benefits exist exactly when a tier is reached');
        });
      }

      it('sums exactly (no float): 3 x 8333.33 + 0.01 reaches level 2 at 25000.00', async () => {
        const s = await createTransactSeller(t, ['8333.33', '8333.33', '8333.33', '0.01']);
        const row = await eligibilityOf(t, s.accountId);
        assert.equal(row?.billed_sales_ttm_usd, '25000.00');
        assert.equal(row?.tier_code, 'level-2');
      });

      it('a partner without any sales has no tier and 0.00', async () => {
        const s = await createSeller(t);
        const summary = await opsSummary(t, s.mpnId);
        assert.equal(summary.billedSalesTtmUsd, '0.00');
        assert.equal(summary.tier, null);
        assert.deepEqual(summary.nextTier, { code: 'level-1', name: 'Level 1', minBilledSalesUsd: '0.01', missingUsd: '0.01' });
      });
    });

    it('counts the trailing twelve months only: 12 months + 1 day old is out, 11 months old is in', async () => {
      const now = new Date();
      const s = await createTransactSeller(t);
      await postSales(t, [
        sale(s.id('old'), s.offer, '500.00', new Date(addMonthsUtc(now, -12).getTime() - DAY)),
        sale(s.id('recent'), s.offer, '700.00', addMonthsUtc(now, -11)),
      ]);
      await recompute(t, [s.accountId], now);
      assert.equal((await eligibilityOf(t, s.accountId))?.billed_sales_ttm_usd, '700.00');
      assert.equal((await eligibilityOf(t, s.accountId))?.tier_code, 'level-1');

      // Two months later the 11-month-old sale is 13 months old: the window has moved past it.
      await recompute(t, [s.accountId], addMonthsUtc(now, 2));
      const later = await eligibilityOf(t, s.accountId);
      assert.equal(later?.billed_sales_ttm_usd, '0.00');
      assert.equal(later?.tier_code, null);
    });

    it('excludes refunded, cancelled and fraudulent lines', async () => {
      const s = await createTransactSeller(t);
      await postSales(t, [
        sale(s.id('b'), s.offer, '100.10'),
        sale(s.id('r'), s.offer, '20000.00', daysAgo(2), 'refunded'),
        sale(s.id('c'), s.offer, '40000.00', daysAgo(2), 'cancelled'),
        sale(s.id('f'), s.offer, '80000.00', daysAgo(2), 'fraudulent'),
      ]);
      const row = await eligibilityOf(t, s.accountId);
      assert.equal(row?.billed_sales_ttm_usd, '100.10');
      assert.equal(row?.fraudulent_ttm_usd, '80000.00');
      assert.equal(row?.tier_code, 'level-1');
    });

    it('a later message for the same line id changes its status (billed -> refunded lowers the TTM)', async () => {
      const s = await createTransactSeller(t);
      const billedAt = daysAgo(3);
      await postSales(t, [sale(s.id('x'), s.offer, '30000.00', billedAt), sale(s.id('y'), s.offer, '50.00', billedAt)]);
      assert.equal((await eligibilityOf(t, s.accountId))?.tier_code, 'level-2');

      const refund = await postSales(t, [sale(s.id('x'), s.offer, '30000.00', billedAt, 'refunded')]);
      assert.deepEqual(refund, { received: 1, inserted: 0, updated: 1, unchanged: 0, partnersAffected: 1 });
      const rows = await salesRows(t, [s.id('x')]);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.status, 'refunded');
      const row = await eligibilityOf(t, s.accountId);
      assert.equal(row?.billed_sales_ttm_usd, '50.00');
      assert.equal(row?.tier_code, 'level-1');
    });

    it('a later message that moves a line to another partner’s offer recomputes both partners', async () => {
      const a = await createTransactSeller(t);
      const b = await createTransactSeller(t);
      const billedAt = daysAgo(2);
      await postSales(t, [sale(a.id('moving'), a.offer, '26000.00', billedAt)]);
      assert.equal((await eligibilityOf(t, a.accountId))?.tier_code, 'level-2');
      const moved = await postSales(t, [sale(a.id('moving'), b.offer, '26000.00', billedAt)]);
      assert.deepEqual(moved, { received: 1, inserted: 0, updated: 1, unchanged: 0, partnersAffected: 2 });
      assert.equal((await eligibilityOf(t, a.accountId))?.billed_sales_ttm_usd, '0.00');
      assert.equal((await eligibilityOf(t, b.accountId))?.billed_sales_ttm_usd, '26000.00');
      assert.equal((await eligibilityOf(t, b.accountId))?.tier_code, 'level-2');
    });

    it('ingest is idempotent: the same batch twice reports unchanged = n and leaves the data identical', async () => {
      const s = await createTransactSeller(t);
      const batch = [
        sale(s.id('a'), s.offer, '1000.00'),
        sale(s.id('b'), s.offer, '2500.50', daysAgo(5)),
        sale(s.id('c'), s.offer, '99.99', daysAgo(9), 'cancelled'),
      ];
      assert.deepEqual(await postSales(t, batch), { received: 3, inserted: 3, updated: 0, unchanged: 0, partnersAffected: 1 });
      const ids = batch.map((item) => item.id);
      const sales = await salesRows(t, ids);
      const eligibility = await eligibilityOf(t, s.accountId);
      const entitlements = await entitlementsOf(t, s.accountId);

      assert.deepEqual(await postSales(t, batch), { received: 3, inserted: 0, updated: 0, unchanged: 3, partnersAffected: 0 });
      assert.deepEqual(await salesRows(t, ids), sales);
      assert.deepEqual(await eligibilityOf(t, s.accountId), eligibility);
      assert.deepEqual(await entitlementsOf(t, s.accountId), entitlements);
      assert.equal(eligibility?.billed_sales_ttm_usd, '3500.50');
    });

    it('within one batch the last message for a line id wins', async () => {
      const s = await createTransactSeller(t);
      const result = await postSales(t, [sale(s.id('d'), s.offer, '400.00'), sale(s.id('d'), s.offer, '400.00', daysAgo(1), 'cancelled')]);
      assert.equal(result.inserted, 1);
      assert.equal((await salesRows(t, [s.id('d')]))[0]!.status, 'cancelled');
      assert.equal((await eligibilityOf(t, s.accountId))?.billed_sales_ttm_usd, '0.00');
    });
  });
}
