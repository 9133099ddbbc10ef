import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { recomputeDirty } from '../src/modules/eligibility/eligibility.engine.ts';
import {
  DEFAULT_PROGRAM_PATH,
  loadProgram,
  ProgramDefinitionError,
  validateProgram,
  type ProgramDefinition,
} from '../src/modules/eligibility/program.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import {
  addMonthsUtc,
  createSeller,
  createTransactSeller,
  DAY,
  daysAgo,
  eligibilityOf,
  entitlementsOf,
  eventsOf,
  opsSummary,
  postSales,
  putOffer,
  putProfile,
  recompute,
  sale,
  salesRows,
  summaryOf,
} from './eligibility-helpers.ts';

const defaultProgram = (): ProgramDefinition => JSON.parse(fs.readFileSync(DEFAULT_PROGRAM_PATH, 'utf8')) as ProgramDefinition;

/** The entitlements that tier benefits of the default program give at level 2 (levels 1 and 2). */
const LEVEL_2_TIER_BENEFITS = ['sponsorship-5k', 'technical-assistance', 'transact-launch-kit'];

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

    it('counts live offers by listing type over every publisher profile of the MPN, drafts and delisted ones not', async () => {
      const s = await createSeller(t);
      const p2 = s.id('pp2');
      const p3 = s.id('pp3');
      await putProfile(t, p2, s.mpnId, 'Second');
      await putProfile(t, p3, s.mpnId, 'Third');
      await putOffer(t, s.id('o1'), s.profile, 'list');
      await putOffer(t, s.id('o2'), s.profile, 'trial');
      await putOffer(t, s.id('o3'), s.profile, 'transact');
      await putOffer(t, s.id('o4'), p2, 'consulting');
      await putOffer(t, s.id('o5'), p2, 'transact');
      await putOffer(t, s.id('o6'), p2, 'transact', { status: 'draft' });
      await putOffer(t, s.id('o7'), p3, 'trial', { status: 'delisted', liveAt: daysAgo(10), delistedAt: daysAgo(1) });
      await putOffer(t, s.id('o8'), p3, 'list', { status: 'draft' });
      await putOffer(t, s.id('o9'), p3, 'consulting');
      // Another partner's live offer must not count here.
      const other = await createSeller(t);
      await putOffer(t, other.id('o1'), other.profile, 'list');

      const row = await eligibilityOf(t, s.accountId);
      assert.deepEqual(
        { list: row?.live_list, trial: row?.live_trial, consulting: row?.live_consulting, transact: row?.live_transact },
        { list: 1, trial: 1, consulting: 2, transact: 2 },
      );
      const summary = await opsSummary(t, s.mpnId);
      assert.deepEqual(summary.liveOffers, { list: 1, trial: 1, consulting: 2, transact: 2 });
      assert.deepEqual(
        summary.explanation.profiles.map((p: { id: string; liveOffers: number }) => [p.id, p.liveOffers]).sort(),
        [[p2, 2], [p3, 1], [s.profile, 3]].sort(),
      );
      assert.deepEqual(
        summary.explanation.countedOffers.map((o: { id: string }) => o.id).sort(),
        ['o1', 'o2', 'o3', 'o4', 'o5', 'o9'].map((o) => s.id(o)).sort(),
      );
      // Only live offers unlock benefits: no entitlement for the draft or the delisted ones.
      const offerIds = new Set((await entitlementsOf(t, s.accountId)).map((e) => e.offer_id));
      for (const o of ['o6', 'o7', 'o8']) assert.ok(!offerIds.has(s.id(o)), `${o} unlocked nothing`);
      assert.ok(offerIds.has(s.id('o2')) && offerIds.has(s.id('o9')) && offerIds.has(s.id('o1')));
    });

    it('trial and consulting benefits expire exactly three months after unlock', async () => {
      const s = await createSeller(t);
      const liveAt = daysAgo(10);
      await putOffer(t, s.id('trial'), s.profile, 'trial', { liveAt });
      await putOffer(t, s.id('cons'), s.profile, 'consulting', { liveAt });
      const expiresAt = addMonthsUtc(liveAt, 3);

      const granted = await entitlementsOf(t, s.accountId);
      assert.deepEqual(
        granted.map((e) => e.benefit_code),
        ['consulting-promotion', 'trial-campaign-assets', 'trial-presales-consultation'],
      );
      for (const e of granted) {
        assert.equal(e.status, 'available');
        assert.equal(e.unlocked_at.toISOString(), liveAt.toISOString());
        assert.equal(e.expires_at?.toISOString(), expiresAt.toISOString(), `${e.benefit_code} expires at live_at + 3 months`);
      }

      await recompute(t, [s.accountId], new Date(expiresAt.getTime() - 1));
      assert.deepEqual(summaryOf(await entitlementsOf(t, s.accountId)), [
        'consulting-promotion:available',
        'trial-campaign-assets:available',
        'trial-presales-consultation:available',
      ]);

      await recompute(t, [s.accountId], expiresAt);
      const expired = await entitlementsOf(t, s.accountId);
      for (const e of expired) {
        assert.equal(e.status, 'expired', e.benefit_code);
        assert.equal(e.status_reason, 'VALIDITY_ENDED');
        const events = await eventsOf(t, e.id);
        assert.deepEqual(
          events.map((ev) => [ev.from_status, ev.to_status, ev.reason_code]),
          [
            [null, 'available', 'OFFER_PUBLISHED'],
            ['available', 'expired', 'VALIDITY_ENDED'],
          ],
        );
        assert.equal(events[1]!.occurred_at.toISOString(), expiresAt.toISOString());
      }
    });

    it('the list benefit has no expiry', async () => {
      const s = await createSeller(t);
      const liveAt = daysAgo(3);
      await putOffer(t, s.id('list'), s.profile, 'list', { liveAt });
      const [benefit] = await entitlementsOf(t, s.accountId);
      assert.equal(benefit?.benefit_code, 'listing-optimization');
      assert.equal(benefit?.expires_at, null);
      await recompute(t, [s.accountId], new Date(liveAt.getTime() + 5 * 366 * DAY));
      const [later] = await entitlementsOf(t, s.accountId);
      assert.equal(later?.status, 'available');
      assert.equal((await eventsOf(t, later.id)).length, 1);
    });

    it('each publication of an offer gives a new set; sending the same publication again does not', async () => {
      const s = await createSeller(t);
      const offer = s.id('trial');
      const first = daysAgo(30);
      await putOffer(t, offer, s.profile, 'trial', { liveAt: first });
      await putOffer(t, offer, s.profile, 'trial', { liveAt: first, name: 'Renamed' });
      assert.equal((await entitlementsOf(t, s.accountId)).length, 2);

      await putOffer(t, offer, s.profile, 'trial', { status: 'delisted', liveAt: first, delistedAt: daysAgo(20) });
      const second = daysAgo(5);
      await putOffer(t, offer, s.profile, 'trial', { liveAt: second });

      const rows = await entitlementsOf(t, s.accountId);
      const firstKey = `offer:${offer}:${Math.floor(first.getTime() / 1000)}`;
      const secondKey = `offer:${offer}:${Math.floor(second.getTime() / 1000)}`;
      assert.deepEqual(
        rows.map((e) => [e.benefit_code, e.source_key, e.status, e.status_reason]),
        [
          ['trial-campaign-assets', firstKey, 'revoked', 'OFFER_DELISTED'],
          ['trial-campaign-assets', secondKey, 'available', 'OFFER_PUBLISHED'],
          ['trial-presales-consultation', firstKey, 'revoked', 'OFFER_DELISTED'],
          ['trial-presales-consultation', secondKey, 'available', 'OFFER_PUBLISHED'],
        ],
      );
      for (const e of rows.filter((row) => row.source_key === secondKey)) {
        assert.equal(e.expires_at?.toISOString(), addMonthsUtc(second, 3).toISOString());
      }
    });

    it('delisting revokes the offer’s benefits with OFFER_DELISTED (available and activated ones)', async () => {
      const s = await createSeller(t);
      await putOffer(t, s.id('cons'), s.profile, 'consulting');
      await putOffer(t, s.id('list'), s.profile, 'list');
      const before = await entitlementsOf(t, s.accountId);
      assert.equal(before.length, 2);
      const listBenefit = before.find((e) => e.benefit_code === 'listing-optimization')!;
      await t.database.db.updateTable('entitlements').set({ status: 'activated' }).where('id', '=', listBenefit.id).execute();

      await putOffer(t, s.id('cons'), s.profile, 'consulting', { status: 'delisted' });
      await putOffer(t, s.id('list'), s.profile, 'list', { status: 'delisted' });

      const row = await eligibilityOf(t, s.accountId);
      assert.equal(row?.live_list, 0);
      assert.equal(row?.live_consulting, 0);
      for (const e of await entitlementsOf(t, s.accountId)) {
        assert.equal(e.status, 'revoked', e.benefit_code);
        assert.equal(e.status_reason, 'OFFER_DELISTED');
        const last = (await eventsOf(t, e.id)).at(-1)!;
        assert.deepEqual(
          [last.from_status, last.to_status, last.reason_code],
          [e.id === listBenefit.id ? 'activated' : 'available', 'revoked', 'OFFER_DELISTED'],
        );
      }
    });

    it('relinking a publisher profile to another MPN moves eligibility', async () => {
      const a = await createTransactSeller(t);
      const b = await createSeller(t);
      await putOffer(t, a.id('trial'), a.profile, 'trial');
      await postSales(t, [sale(a.id('s'), a.offer, '30000.00')]);
      assert.equal((await eligibilityOf(t, a.accountId))?.tier_code, 'level-2');
      const aBefore = await entitlementsOf(t, a.accountId);
      assert.equal(aBefore.filter((e) => e.offer_id === a.id('trial') && e.status === 'available').length, 2);

      const relinked = await putProfile(t, a.profile, b.mpnId, 'Moved');
      assert.equal(relinked.mpnId, b.mpnId);

      const aRow = await eligibilityOf(t, a.accountId);
      assert.equal(aRow?.billed_sales_ttm_usd, '0.00');
      assert.equal(aRow?.tier_code, null);
      assert.equal(aRow?.live_trial, 0);
      assert.equal(aRow?.live_transact, 0);
      const aAfter = await entitlementsOf(t, a.accountId);
      for (const e of aAfter.filter((row) => row.offer_id !== null)) {
        assert.equal(e.status, 'revoked', e.benefit_code);
        assert.equal(e.status_reason, 'PROFILE_RELINKED');
        assert.deepEqual(
          (await eventsOf(t, e.id)).map((ev) => [ev.from_status, ev.to_status, ev.reason_code]).at(-1),
          ['available', 'revoked', 'PROFILE_RELINKED'],
        );
      }
      // Tier benefits A already unlocked are kept (benefits are kept when sales fall).
      assert.deepEqual(
        aAfter.filter((e) => e.tier_code !== null).map((e) => `${e.benefit_code}:${e.status}`),
        LEVEL_2_TIER_BENEFITS.map((code) => `${code}:available`),
      );

      const bRow = await eligibilityOf(t, b.accountId);
      assert.equal(bRow?.billed_sales_ttm_usd, '30000.00');
      assert.equal(bRow?.tier_code, 'level-2');
      assert.equal(bRow?.live_trial, 1);
      assert.equal(bRow?.live_transact, 1);
      const bAfter = await entitlementsOf(t, b.accountId);
      assert.deepEqual(
        bAfter.filter((e) => e.offer_id === a.id('trial')).map((e) => `${e.benefit_code}:${e.status}`),
        ['trial-campaign-assets:available', 'trial-presales-consultation:available'],
      );
      assert.deepEqual(bAfter.filter((e) => e.tier_code !== null).map((e) => e.benefit_code), LEVEL_2_TIER_BENEFITS);
      const bSummary = await opsSummary(t, b.mpnId);
      assert.deepEqual(bSummary.publisherProfiles.map((p: { id: string }) => p.id).sort(), [a.profile, b.profile].sort());
      assert.deepEqual((await opsSummary(t, a.mpnId)).publisherProfiles, []);
    });

    it('keeps unlocked tier benefits when sales fall (a refund), but revokes a tier reached only through fraudulent sales', async () => {
      const refunded = await createTransactSeller(t, ['30000.00']);
      assert.deepEqual(summaryOf(await entitlementsOf(t, refunded.accountId)), LEVEL_2_TIER_BENEFITS.map((c) => `${c}:available`));
      await postSales(t, [sale(refunded.id('s0'), refunded.offer, '30000.00', daysAgo(1), 'refunded')]);
      assert.equal((await eligibilityOf(t, refunded.accountId))?.tier_code, null);
      const kept = await entitlementsOf(t, refunded.accountId);
      assert.deepEqual(summaryOf(kept), LEVEL_2_TIER_BENEFITS.map((c) => `${c}:available`));
      assert.ok(kept.every((e) => e.status_reason === 'TIER_REACHED'));

      const fraud = await createTransactSeller(t, ['10000.00', '20000.00']);
      assert.equal((await eligibilityOf(t, fraud.accountId))?.tier_code, 'level-2');
      await postSales(t, [sale(fraud.id('s1'), fraud.offer, '20000.00', daysAgo(1), 'fraudulent')]);
      const row = await eligibilityOf(t, fraud.accountId);
      assert.equal(row?.tier_code, 'level-1');
      assert.equal(row?.fraudulent_ttm_usd, '20000.00');
      const after = await entitlementsOf(t, fraud.accountId);
      assert.deepEqual(summaryOf(after), ['sponsorship-5k:revoked', 'technical-assistance:available', 'transact-launch-kit:available']);
      const revoked = after.find((e) => e.benefit_code === 'sponsorship-5k')!;
      assert.equal(revoked.status_reason, 'FRAUDULENT_SALES');
      assert.deepEqual(
        (await eventsOf(t, revoked.id)).map((ev) => [ev.from_status, ev.to_status, ev.reason_code]),
        [
          [null, 'available', 'TIER_REACHED'],
          ['available', 'revoked', 'FRAUDULENT_SALES'],
        ],
      );
    });

    it('a tier gives a new set of benefits on the yearly anniversary', async () => {
      const s = await createTransactSeller(t, ['30000.00']);
      const first = (await entitlementsOf(t, s.accountId)).find((e) => e.source_key === 'tier:level-2:0')!;
      const unlocked = first.unlocked_at;
      const anniversary = addMonthsUtc(unlocked, 12);
      assert.equal(first.expires_at?.toISOString(), anniversary.toISOString());
      // A sale that keeps the partner at level 2 in the window that ends a year later.
      await postSales(t, [sale(s.id('next-year'), s.offer, '30000.00', anniversary)]);

      await recompute(t, [s.accountId], new Date(anniversary.getTime() - DAY));
      assert.ok((await entitlementsOf(t, s.accountId)).every((e) => e.source_key.endsWith(':0')), 'no new set before the anniversary');

      await recompute(t, [s.accountId], new Date(anniversary.getTime() + DAY));
      assert.equal((await eligibilityOf(t, s.accountId))?.tier_code, 'level-2');
      const rows = await entitlementsOf(t, s.accountId);
      assert.deepEqual(
        rows.map((e) => [e.benefit_code, e.source_key, e.status, e.status_reason]),
        [
          ['sponsorship-5k', 'tier:level-2:0', 'expired', 'VALIDITY_ENDED'],
          ['sponsorship-5k', 'tier:level-2:1', 'available', 'TIER_ANNIVERSARY'],
          ['technical-assistance', 'tier:level-1:0', 'expired', 'VALIDITY_ENDED'],
          ['technical-assistance', 'tier:level-1:1', 'available', 'TIER_ANNIVERSARY'],
          ['transact-launch-kit', 'tier:level-1:0', 'expired', 'VALIDITY_ENDED'],
          ['transact-launch-kit', 'tier:level-1:1', 'available', 'TIER_ANNIVERSARY'],
        ],
      );
      for (const e of rows.filter((row) => row.source_key.endsWith(':1'))) {
        assert.equal(e.unlocked_at.toISOString(), anniversary.toISOString());
        assert.equal(e.expires_at?.toISOString(), addMonthsUtc(unlocked, 24).toISOString());
      }
    });
  });

  describe(`program versions (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('a new program version changes the tier on recomputation; entitlements record the version that granted them', async () => {
      const a = await createTransactSeller(t, ['27000.00']);
      const v1 = (await eligibilityOf(t, a.accountId))!.program_version;
      assert.equal((await eligibilityOf(t, a.accountId))?.tier_code, 'level-2');
      const sponsorship = (await entitlementsOf(t, a.accountId)).find((e) => e.benefit_code === 'sponsorship-5k')!;
      assert.equal(sponsorship.program_version, v1);

      const changed = defaultProgram();
      changed.name = 'Level 2 from 30000';
      changed.tiers.find((tier) => tier.code === 'level-2')!.minBilledSalesUsd = '30000';
      const kit = changed.benefits.find((b) => b.code === 'transact-launch-kit')!;
      changed.benefits.push({ ...kit, code: 'starter-webinar', names: { 'en-US': 'Starter webinar', 'nl-NL': 'Startwebinar' } });
      const loaded = await loadProgram(t.database.db, validateProgram(changed));
      assert.deepEqual(loaded, { version: v1 + 1, created: true });
      assert.deepEqual(await loadProgram(t.database.db, changed), { version: v1 + 1, created: false }, 'the same definition is no new version');

      // Not recomputed yet: the stored standing is still the one of version 1.
      assert.equal((await eligibilityOf(t, a.accountId))?.program_version, v1);
      await t.database.db.updateTable('partner_eligibility').set({ dirty: true }).execute();
      assert.ok((await recomputeDirty(t.database.db)) >= 1);

      const row = await eligibilityOf(t, a.accountId);
      assert.equal(row?.program_version, v1 + 1);
      assert.equal(row?.tier_code, 'level-1');
      const summary = await opsSummary(t, a.mpnId);
      assert.equal(summary.programVersion, v1 + 1);
      assert.deepEqual(summary.nextTier, { code: 'level-2', name: 'Level 2', minBilledSalesUsd: '30000.00', missingUsd: '3000.00' });
      const rows = await entitlementsOf(t, a.accountId);
      assert.deepEqual(
        rows.map((e) => [e.benefit_code, e.program_version, e.status]),
        [
          ['sponsorship-5k', v1, 'available'],
          ['starter-webinar', v1 + 1, 'available'],
          ['technical-assistance', v1, 'available'],
          ['transact-launch-kit', v1, 'available'],
        ],
      );

      // A partner reaching level 2 under the new version gets entitlements of that version.
      const b = await createTransactSeller(t, ['30000.00']);
      assert.equal((await eligibilityOf(t, b.accountId))?.tier_code, 'level-2');
      const bRows = await entitlementsOf(t, b.accountId);
      assert.deepEqual(
        bRows.map((e) => e.benefit_code),
        ['sponsorship-5k', 'starter-webinar', 'technical-assistance', 'transact-launch-kit'],
      );
      assert.ok(bRows.every((e) => e.program_version === v1 + 1));
      const c = await createTransactSeller(t, ['27000.00']);
      assert.equal((await eligibilityOf(t, c.accountId))?.tier_code, 'level-1', '27000 no longer reaches level 2');
    });

    describe('the validator rejects bad definitions, naming the path of each problem', () => {
      const problemsOf = (mutate: (program: ProgramDefinition) => void): string[] => {
        const program = defaultProgram();
        mutate(program);
        try {
          validateProgram(program);
        } catch (error) {
          assert.ok(error instanceof ProgramDefinitionError);
          assert.match(error.message, /The program definition is not valid/);
          return error.problems;
        }
        assert.fail('the definition was accepted');
      };

      it('accepts the bundled default', () => {
        assert.equal(validateProgram(defaultProgram()).tiers.length, 5);
      });

      it('duplicate tier and benefit codes', () => {
        assert.ok(problemsOf((p) => (p.tiers[2]!.code = 'level-2')).includes('/tiers/2/code: "level-2" is used twice'));
        assert.deepEqual(
          problemsOf((p) => (p.benefits[3]!.code = 'trial-campaign-assets')),
          ['/benefits/3/code: "trial-campaign-assets" is used twice'],
        );
      });

      it('a benefit unlocking an unknown tier', () => {
        assert.deepEqual(
          problemsOf((p) => (p.benefits[4]!.unlock = { tier: 'level-9' })),
          ['/benefits/4/unlock/tier: no tier has the code "level-9"'],
        );
      });

      it('a missing nl-NL name', () => {
        const problems = problemsOf((p) => {
          delete (p.tiers[0]!.names as Partial<Record<string, string>>)['nl-NL'];
        });
        assert.equal(problems.length, 1);
        assert.match(problems[0]!, /^\/tiers\/0\/names: .*nl-NL/);
        const benefit = problemsOf((p) => {
          delete (p.benefits[1]!.names as Partial<Record<string, string>>)['nl-NL'];
        });
        assert.match(benefit[0]!, /^\/benefits\/1\/names: .*nl-NL/);
      });

      it('a non-decimal amount', () => {
        for (const bad of ['25k', '25000.001', '-1', '1e5']) {
          const problems = problemsOf((p) => (p.tiers[1]!.minBilledSalesUsd = bad));
          assert.equal(problems.length, 1, bad);
          assert.match(problems[0]!, /^\/tiers\/1\/minBilledSalesUsd: /, bad);
        }
      });
    });
  });
}
