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
  eventsOf,
  LEVEL_2_TIER_BENEFITS,
  opsSummary,
  postSales,
  putOffer,
  putProfile,
  recompute,
  sale,
  summaryOf,
} from './eligibility-helpers.ts';

// Eligibility rules, part 2: live offers by listing type, the benefits offers unlock (expiry,
// publications, delisting, relinking) and those tiers unlock (kept when sales fall, revoked for
// fraud, renewed on the anniversary). Tiers and sales are in eligibility-rules.test.ts.

for (const engine of engines()) {
  describe(`eligibility rules (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());


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
      const first = (await entitlementsOf(t, s.accountId)).find((e) => e.benefit_code === 'sponsorship-5k' && e.source_key === 'tier:0')!;
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
          ['sponsorship-5k', 'tier:0', 'expired', 'VALIDITY_ENDED'],
          ['sponsorship-5k', 'tier:1', 'available', 'TIER_ANNIVERSARY'],
          ['technical-assistance', 'tier:0', 'expired', 'VALIDITY_ENDED'],
          ['technical-assistance', 'tier:1', 'available', 'TIER_ANNIVERSARY'],
          ['transact-launch-kit', 'tier:0', 'expired', 'VALIDITY_ENDED'],
          ['transact-launch-kit', 'tier:1', 'available', 'TIER_ANNIVERSARY'],
        ],
      );
      for (const e of rows.filter((row) => row.source_key.endsWith(':1'))) {
        assert.equal(e.unlocked_at.toISOString(), anniversary.toISOString());
        assert.equal(e.expires_at?.toISOString(), addMonthsUtc(unlocked, 24).toISOString());
      }
    });
  });
}
