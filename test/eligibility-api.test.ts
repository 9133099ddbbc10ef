import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, engines, errorOf, ops, signIn, startTestApp, type TestApp } from './helpers.ts';
import {
  codesOf,
  createSeller,
  createTransactSeller,
  daysAgo,
  opsSummary,
  postSales,
  putOffer,
  putProfile,
  sale,
  type BenefitItem,
} from './eligibility-helpers.ts';

// The eligibility API, part 1: what a partner and an operator read (the summary, the benefits,
// the explanation). Who may read, partner isolation and refused input are in
// eligibility-api-access.test.ts.

for (const engine of engines()) {
  describe(`eligibility API (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('GET /api/v1/rewards has the summary shape of the issue, in English and Dutch', async () => {
      const s = await createSeller(t, { admin: ['mpn-partner-admin'] });
      const second = s.id('pp2');
      await putProfile(t, second, s.mpnId, 'Second profile');
      await putOffer(t, s.id('list'), s.profile, 'list', { name: 'Contact me' });
      await putOffer(t, s.id('trial'), second, 'trial', { name: 'Try it' });
      await putOffer(t, s.id('cons'), second, 'consulting', { name: 'Assessment' });
      await putOffer(t, s.id('tx'), s.profile, 'transact', { name: 'Buy it' });
      await postSales(t, [
        sale(s.id('s1'), s.id('tx'), '1234.56'),
        sale(s.id('s2'), s.id('tx'), '10.00', daysAgo(2), 'refunded'),
      ]);

      const session = await signIn(t.app, s.partner.users.admin!.username);
      const response = await call(t.app, session, 'GET', '/api/v1/rewards', undefined, { 'accept-language': 'en-US' });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.deepEqual(Object.keys(body).sort(), [
        'billedSalesTtmUsd',
        'computedAt',
        'explanation',
        'liveOffers',
        'nextTier',
        'partnerAccount',
        'programVersion',
        'publisherProfiles',
        'tier',
      ]);
      assert.deepEqual(body.partnerAccount, { id: s.accountId, name: `Partner ${s.partner.domain}`, mpnId: s.mpnId });
      assert.deepEqual(body.publisherProfiles, [
        { id: s.profile, name: `Main ${s.mpnId}` },
        { id: second, name: 'Second profile' },
      ]);
      assert.deepEqual(body.liveOffers, { list: 1, trial: 1, consulting: 1, transact: 1 });
      assert.equal(body.billedSalesTtmUsd, '1234.56');
      assert.equal(typeof body.billedSalesTtmUsd, 'string');
      assert.deepEqual(body.tier, { code: 'level-1', name: 'Level 1', minBilledSalesUsd: '0.01' });
      assert.deepEqual(body.nextTier, { code: 'level-2', name: 'Level 2', minBilledSalesUsd: '25000.00', missingUsd: '23765.44' });
      assert.deepEqual(Object.keys(body.explanation).sort(), ['countedOffers', 'excludedSales', 'nextTier', 'profiles', 'tier']);
      assert.match(body.explanation.tier, /Level 1/);
      assert.match(body.explanation.tier, /\$1,234\.56/);
      assert.match(body.explanation.nextTier, /Level 2/);

      const dutch = await call(t.app, session, 'GET', '/api/v1/rewards', undefined, { 'accept-language': 'nl-NL,nl;q=0.9' });
      const nl = dutch.json();
      assert.equal(nl.tier.name, 'Niveau 1');
      assert.equal(nl.nextTier.name, 'Niveau 2');
      assert.match(nl.explanation.tier, /Niveau 1/);
      assert.notEqual(nl.explanation.tier, body.explanation.tier);
      assert.equal(nl.explanation.excludedSales[0].status, 'refunded');
      assert.notEqual(nl.explanation.excludedSales[0].reason, body.explanation.excludedSales[0].reason);
      // The numbers do not depend on the language.
      assert.deepEqual({ ...nl, tier: null, nextTier: null, explanation: null }, { ...body, tier: null, nextTier: null, explanation: null });
    });

    it('GET /api/v1/rewards/benefits has the item shape, names by Accept-Language, and a category filter', async () => {
      const s = await createTransactSeller(t, ['100.00'], { admin: ['global-admin'] });
      const liveAt = daysAgo(4);
      await putOffer(t, s.id('list'), s.profile, 'list', { liveAt });
      await putOffer(t, s.id('trial'), s.profile, 'trial', { liveAt });
      const session = await signIn(t.app, s.partner.users.admin!.username);

      const en = await call(t.app, session, 'GET', '/api/v1/rewards/benefits', undefined, { 'accept-language': 'en-US' });
      assert.equal(en.statusCode, 200, en.body);
      const items = en.json<{ items: BenefitItem[] }>().items;
      assert.deepEqual(codesOf(items), [
        'listing-optimization',
        'technical-assistance',
        'transact-launch-kit',
        'trial-campaign-assets',
        'trial-presales-consultation',
      ]);
      for (const item of items) {
        for (const key of ['id', 'code', 'category', 'name', 'description', 'status', 'offerId', 'unlockedAt', 'expiresAt']) {
          assert.ok(key in item, `${item.code} has ${key}`);
        }
        assert.match(item.id, /^[0-9a-f-]{36}$/);
        assert.equal(item.status, 'available');
        assert.ok(!Number.isNaN(Date.parse(item.unlockedAt)));
      }
      const byCode = Object.fromEntries(items.map((item) => [item.code, item]));
      assert.deepEqual(
        { ...byCode['listing-optimization'], id: null },
        {
          ...byCode['listing-optimization'],
          id: null,
          category: 'sales-marketing',
          name: 'Listing optimization review',
          offerId: s.id('list'),
          unlockedAt: liveAt.toISOString(),
          expiresAt: null,
        },
      );
      assert.equal(byCode['trial-presales-consultation']!.offerId, s.id('trial'));
      assert.equal(byCode['trial-presales-consultation']!.category, 'technical');
      assert.ok(byCode['trial-presales-consultation']!.expiresAt !== null);
      assert.equal(byCode['technical-assistance']!.offerId, null);

      const nl = await call(t.app, session, 'GET', '/api/v1/rewards/benefits', undefined, { 'accept-language': 'nl' });
      const nlByCode = Object.fromEntries(nl.json<{ items: BenefitItem[] }>().items.map((item) => [item.code, item]));
      assert.equal(nlByCode['listing-optimization']!.name, 'Beoordeling van uw vermelding');
      assert.equal(nlByCode['technical-assistance']!.name, 'Technische ondersteuning');
      assert.match(nlByCode['technical-assistance']!.description, /hulp van een technisch consultant/);
      assert.equal(nlByCode['technical-assistance']!.id, byCode['technical-assistance']!.id);

      const technical = await call(t.app, session, 'GET', '/api/v1/rewards/benefits?category=technical');
      assert.deepEqual(codesOf(technical.json().items), ['technical-assistance', 'trial-presales-consultation']);
      const sponsorship = await call(t.app, session, 'GET', '/api/v1/rewards/benefits?category=sponsorship');
      assert.deepEqual(sponsorship.json().items, []);
      const marketing = await call(t.app, session, 'GET', '/api/v1/rewards/benefits?category=sales-marketing');
      assert.ok(marketing.json().items.every((item: BenefitItem) => item.category === 'sales-marketing'));
      assert.equal(marketing.json().items.length, 3);

      const bad = await call(t.app, session, 'GET', '/api/v1/rewards/benefits?category=bogus');
      assert.equal(bad.statusCode, 422);
      const error = errorOf(bad);
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.equal(error.fields?.category?.code, 'VALUE_NOT_ALLOWED');
      assert.equal((await ops(t, 'GET', `/api/v1/ops/partners/${s.mpnId}/benefits?category=bogus`)).statusCode, 422);
    });

    it('the explanation lists the offers and profiles that counted and the excluded sales by status', async () => {
      const s = await createSeller(t, { admin: ['mpn-partner-admin'] });
      const second = s.id('pp2');
      await putProfile(t, second, s.mpnId, 'Second');
      await putOffer(t, s.id('tx1'), s.profile, 'transact', { name: 'Alpha' });
      await putOffer(t, s.id('tx2'), second, 'transact', { name: 'Beta' });
      await putOffer(t, s.id('list'), second, 'list', { name: 'Gamma' });
      await putOffer(t, s.id('draft'), s.profile, 'transact', { status: 'draft', name: 'Draft' });
      await putOffer(t, s.id('gone'), s.profile, 'transact', { name: 'Gone' });
      await postSales(t, [
        sale(s.id('b1'), s.id('tx1'), '100.00'),
        sale(s.id('b2'), s.id('tx2'), '200.50'),
        sale(s.id('old'), s.id('tx2'), '9999.00', daysAgo(400)),
        sale(s.id('r1'), s.id('tx1'), '10.00', daysAgo(3), 'refunded'),
        sale(s.id('r2'), s.id('tx2'), '5.50', daysAgo(3), 'refunded'),
        sale(s.id('c1'), s.id('tx1'), '7.00', daysAgo(3), 'cancelled'),
        sale(s.id('f1'), s.id('tx2'), '1000.00', daysAgo(3), 'fraudulent'),
        sale(s.id('d1'), s.id('gone'), '50.00'),
      ]);
      // Sales billed while an offer was live still count after it is delisted; the offer itself no longer does.
      await putOffer(t, s.id('gone'), s.profile, 'transact', { status: 'delisted', name: 'Gone' });

      const body = await opsSummary(t, s.mpnId);
      assert.equal(body.billedSalesTtmUsd, '350.50');
      const explanation = body.explanation;
      assert.deepEqual(
        explanation.excludedSales.map((row: { status: string; lines: number; amountUsd: string }) => [row.status, row.lines, row.amountUsd]),
        [
          ['cancelled', 1, '7.00'],
          ['fraudulent', 1, '1000.00'],
          ['refunded', 2, '15.50'],
        ],
      );
      assert.match(explanation.excludedSales[2]!.reason, /Refunded/);
      assert.match(explanation.excludedSales[1]!.reason, /fraudulent/);
      const counted = explanation.countedOffers.map((o: { id: string; publisherProfileId: string; listingType: string; billedSalesTtmUsd: string; name: string }) => [
        o.id,
        o.name,
        o.publisherProfileId,
        o.listingType,
        Number(o.billedSalesTtmUsd),
      ]);
      assert.deepEqual(
        counted.sort(),
        [
          [s.id('list'), 'Gamma', second, 'list', 0],
          [s.id('tx1'), 'Alpha', s.profile, 'transact', 100],
          [s.id('tx2'), 'Beta', second, 'transact', 200.5],
        ].sort(),
      );
      for (const id of [s.id('draft'), s.id('gone')]) {
        assert.ok(!explanation.countedOffers.some((o: { id: string }) => o.id === id), `${id} is not live and does not count`);
      }
      assert.deepEqual(
        explanation.profiles.map((p: { id: string; name: string; liveOffers: number }) => [p.id, p.name, p.liveOffers]),
        [
          [s.profile, `Main ${s.mpnId}`, 1],
          [second, 'Second', 2],
        ],
      );
      assert.match(explanation.nextTier, /Level 2/);

      const nl = await t.app.inject({
        method: 'GET',
        url: `/api/v1/ops/partners/${s.mpnId}/rewards`,
        headers: { authorization: `Bearer ${t.operatorToken}`, 'accept-language': 'nl-NL' },
      });
      const nlReasons = nl.json().explanation.excludedSales.map((row: { reason: string }) => row.reason);
      assert.equal(nlReasons.length, 3);
      for (const [i, reason] of nlReasons.entries()) assert.notEqual(reason, explanation.excludedSales[i]!.reason);
    });

  });
}
