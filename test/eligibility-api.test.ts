import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, createFreeTenant, engines, errorOf, ops, signIn, startTestApp, type TestApp } from './helpers.ts';
import {
  createSeller,
  createTransactSeller,
  daysAgo,
  eligibilityOf,
  offerBody,
  opsBenefits,
  opsSummary,
  postSales,
  putOffer,
  putProfile,
  sale,
  salesRows,
  type SaleItem,
} from './eligibility-helpers.ts';

interface BenefitItem {
  id: string;
  code: string;
  category: string;
  name: string;
  description: string;
  status: string;
  offerId: string | null;
  unlockedAt: string;
  expiresAt: string | null;
}

const codesOf = (items: { code: string }[]) => items.map((item) => item.code).sort();

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
      assert.match(nlByCode['technical-assistance']!.description, /^Hulp van een technisch consultant/);
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

    it('only MPN partner admins, global admins and admin agents may read; others get FORBIDDEN or NO_PARTNER_ACCOUNT', async () => {
      const s = await createTransactSeller(t, ['50.00'], {
        mpa: ['mpn-partner-admin'],
        ga: ['global-admin'],
        agent: ['admin-agent'],
        accadmin: ['account-admin'],
        plain: ['user'],
      });
      for (const name of ['mpa', 'ga', 'agent']) {
        const session = await signIn(t.app, s.partner.users[name]!.username);
        const rewards = await call(t.app, session, 'GET', '/api/v1/rewards');
        assert.equal(rewards.statusCode, 200, `${name}: ${rewards.body}`);
        assert.equal(rewards.json().billedSalesTtmUsd, '50.00');
        assert.equal((await call(t.app, session, 'GET', '/api/v1/rewards/benefits')).statusCode, 200, name);
      }
      for (const name of ['accadmin', 'plain']) {
        const session = await signIn(t.app, s.partner.users[name]!.username);
        for (const url of ['/api/v1/rewards', '/api/v1/rewards/benefits']) {
          const response = await call(t.app, session, 'GET', url);
          assert.equal(response.statusCode, 403, `${name} ${url}`);
          assert.equal(errorOf(response).code, 'FORBIDDEN');
          assert.ok(!response.body.includes('50.00'));
        }
      }
      const free = await createFreeTenant(t, { admin: ['mpn-partner-admin', 'global-admin'] });
      const session = await signIn(t.app, free.users.admin!.username);
      for (const url of ['/api/v1/rewards', '/api/v1/rewards/benefits']) {
        const response = await call(t.app, session, 'GET', url);
        assert.equal(response.statusCode, 403, url);
        assert.equal(errorOf(response).code, 'NO_PARTNER_ACCOUNT');
      }
      const anonymous = await call(t.app, null, 'GET', '/api/v1/rewards');
      assert.equal(anonymous.statusCode, 401);
      assert.equal(errorOf(anonymous).code, 'UNAUTHENTICATED');
    });

    it('partner A never sees partner B’s numbers, and B never sees A’s', async () => {
      const a = await createTransactSeller(t, ['30000.00'], { admin: ['mpn-partner-admin'] });
      const b = await createTransactSeller(t, ['100.00'], { admin: ['mpn-partner-admin'] });
      await putOffer(t, a.id('trial'), a.profile, 'trial');

      const aSession = await signIn(t.app, a.partner.users.admin!.username);
      const bSession = await signIn(t.app, b.partner.users.admin!.username);
      const aBody = (await call(t.app, aSession, 'GET', '/api/v1/rewards')).json();
      const bBody = (await call(t.app, bSession, 'GET', '/api/v1/rewards')).json();
      assert.equal(aBody.partnerAccount.id, a.accountId);
      assert.equal(aBody.billedSalesTtmUsd, '30000.00');
      assert.equal(bBody.partnerAccount.id, b.accountId);
      assert.equal(bBody.billedSalesTtmUsd, '100.00');
      assert.equal(bBody.tier.code, 'level-1');
      assert.deepEqual(bBody.liveOffers, { list: 0, trial: 0, consulting: 0, transact: 1 });
      assert.deepEqual(bBody.publisherProfiles.map((p: { id: string }) => p.id), [b.profile]);
      assert.deepEqual(bBody.explanation.countedOffers.map((o: { id: string }) => o.id), [b.offer]);
      assert.ok(!JSON.stringify(bBody).includes(a.mpnId), 'nothing of A in B’s summary');
      const bBenefits = (await call(t.app, bSession, 'GET', '/api/v1/rewards/benefits')).json<{ items: BenefitItem[] }>().items;
      assert.ok(bBenefits.every((item) => item.offerId === null || item.offerId.endsWith(b.mpnId)));
      assert.ok(!codesOf(bBenefits).includes('sponsorship-5k'));
      const aBenefits = (await call(t.app, aSession, 'GET', '/api/v1/rewards/benefits')).json<{ items: BenefitItem[] }>().items;
      assert.ok(codesOf(aBenefits).includes('sponsorship-5k'));
      assert.ok(!aBenefits.some((item) => bBenefits.some((other) => other.id === item.id)));
      // A session is no operator token: the operator view of B stays closed to A.
      const viaOps = await call(t.app, aSession, 'GET', `/api/v1/ops/partners/${b.mpnId}/rewards`);
      assert.equal(viaOps.statusCode, 401);
    });

    it('operator endpoints give the same view by MPN ID; 404 for an unknown MPN, 401 without a token', async () => {
      const s = await createTransactSeller(t, ['26000.00'], { admin: ['admin-agent'] });
      const session = await signIn(t.app, s.partner.users.admin!.username);
      const own = (await call(t.app, session, 'GET', '/api/v1/rewards')).json();
      const summary = await opsSummary(t, s.mpnId);
      assert.deepEqual(summary, own);
      assert.equal(summary.tier?.code, 'level-2');
      const ownBenefits = (await call(t.app, session, 'GET', '/api/v1/rewards/benefits')).json().items;
      assert.deepEqual(await opsBenefits(t, s.mpnId), ownBenefits);
      assert.deepEqual(codesOf(await opsBenefits(t, s.mpnId, '?category=sponsorship')), ['sponsorship-5k']);

      for (const url of ['/api/v1/ops/partners/999999999999/rewards', '/api/v1/ops/partners/999999999999/benefits']) {
        const unknown = await ops(t, 'GET', url);
        assert.equal(unknown.statusCode, 404, url);
        assert.equal(errorOf(unknown).code, 'NOT_FOUND');
      }
      for (const url of [`/api/v1/ops/partners/${s.mpnId}/rewards`, `/api/v1/ops/partners/${s.mpnId}/benefits`]) {
        const anonymous = await t.app.inject({ method: 'GET', url });
        assert.equal(anonymous.statusCode, 401, url);
        assert.equal(errorOf(anonymous).code, 'UNAUTHENTICATED');
        const wrong = await t.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer not-a-token' } });
        assert.equal(wrong.statusCode, 401, url);
      }
    });

    it('PUT publisher-profiles and offers refuse bad input with field codes', async () => {
      const s = await createSeller(t);
      const badMpn = await ops(t, 'PUT', `/api/v1/ops/publisher-profiles/${s.id('bad')}`, { name: 'X', mpnId: 'abc' });
      assert.equal(badMpn.statusCode, 422);
      assert.equal(errorOf(badMpn).fields?.mpnId?.code, 'FORMAT_INVALID');
      const noName = await ops(t, 'PUT', `/api/v1/ops/publisher-profiles/${s.id('bad')}`, { mpnId: s.mpnId });
      assert.equal(errorOf(noName).fields?.name?.code, 'FIELD_REQUIRED');

      const unknownProfile = await ops(t, 'PUT', `/api/v1/ops/offers/${s.id('o1')}`, offerBody(s.id('nope'), 'trial'));
      assert.equal(unknownProfile.statusCode, 422);
      assert.equal(errorOf(unknownProfile).code, 'VALIDATION_FAILED');
      assert.equal(errorOf(unknownProfile).fields?.publisherProfileId?.code, 'PUBLISHER_PROFILE_UNKNOWN');

      const noLiveAt = await ops(t, 'PUT', `/api/v1/ops/offers/${s.id('o1')}`, { ...offerBody(s.profile, 'trial'), liveAt: null });
      assert.equal(noLiveAt.statusCode, 422);
      assert.equal(errorOf(noLiveAt).fields?.liveAt?.code, 'LIVE_AT_REQUIRED');

      const badType = await ops(t, 'PUT', `/api/v1/ops/offers/${s.id('o1')}`, { ...offerBody(s.profile, 'trial'), listingType: 'rent' });
      assert.equal(errorOf(badType).fields?.listingType?.code, 'VALUE_NOT_ALLOWED');

      const offers = await t.database.db.selectFrom('offers').select('id').where('id', '=', s.id('o1')).execute();
      assert.deepEqual(offers, [], 'no refused offer was written');
      assert.equal(
        (await t.database.db.selectFrom('publisher_profiles').select('id').where('id', '=', s.id('bad')).execute()).length,
        0,
      );
    });

    it('POST billed-sales refuses bad batches whole, with field codes', async () => {
      const s = await createTransactSeller(t);
      const good = sale(s.id('g'), s.offer, '10.00');

      const unknown = await ops(t, 'POST', '/api/v1/ops/billed-sales', {
        items: [good, sale(s.id('u'), s.id('missing-offer'), '5.00'), sale(s.id('g2'), s.offer, '1.00')],
      });
      assert.equal(unknown.statusCode, 422);
      const error = errorOf(unknown);
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.deepEqual(Object.keys(error.fields ?? {}), ['items.1.offerId']);
      assert.equal(error.fields?.['items.1.offerId']?.code, 'OFFER_UNKNOWN');
      assert.match(error.fields?.['items.1.offerId']?.message ?? '', new RegExp(s.id('missing-offer')));
      assert.deepEqual(await salesRows(t, [s.id('g'), s.id('u'), s.id('g2')]), [], 'a batch with one unknown offer writes nothing');

      for (const amountUsd of ['1.234', '-5.00', '1,000.00', '']) {
        const response = await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: [{ ...good, amountUsd }] });
        assert.equal(response.statusCode, 422, amountUsd);
        const fields = errorOf(response).fields ?? {};
        assert.deepEqual(Object.values(fields).map((f) => f.code), ['FORMAT_INVALID'], `${amountUsd}: ${JSON.stringify(fields)}`);
        assert.match(Object.keys(fields)[0]!, /amountUsd$/);
      }
      const badStatus = await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: [{ ...good, status: 'paid' }] });
      assert.equal(badStatus.statusCode, 422);

      const tooMany: SaleItem[] = Array.from({ length: 10_001 }, (_, i) => sale(s.id(`m${i}`), s.offer, '1.00'));
      const refused = await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: tooMany });
      assert.equal(refused.statusCode, 422);
      assert.equal(errorOf(refused).fields?.items?.code, 'TOO_MANY_ITEMS');
      assert.deepEqual(await salesRows(t, [s.id('m0'), s.id('m10000')]), []);

      const empty = await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: [] });
      assert.equal(errorOf(empty).fields?.items?.code, 'TOO_FEW_ITEMS');

      // Exactly 10,000 is one batch.
      const accepted = await postSales(t, tooMany.slice(0, 10_000));
      assert.equal(accepted.inserted, 10_000);
      assert.equal((await eligibilityOf(t, s.accountId))?.billed_sales_ttm_usd, '10000.00');
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

    it('recomputes incrementally: ingesting sales for partner A does not touch partner B', async () => {
      const a = await createTransactSeller(t, ['10.00']);
      const b = await createTransactSeller(t, ['20.00']);
      const bBefore = await eligibilityOf(t, b.accountId);
      const aBefore = await eligibilityOf(t, a.accountId);
      assert.ok(aBefore && bBefore);
      await new Promise((resolve) => setTimeout(resolve, 5));

      const result = await postSales(t, [sale(a.id('more'), a.offer, '25000.00')]);
      assert.equal(result.partnersAffected, 1);
      const aAfter = await eligibilityOf(t, a.accountId);
      assert.ok(aAfter!.computed_at.getTime() > aBefore.computed_at.getTime(), 'A was recomputed');
      assert.equal(aAfter?.tier_code, 'level-2');
      assert.deepEqual(await eligibilityOf(t, b.accountId), bBefore, 'B was not recomputed');

      // Offers and profiles likewise touch only their own partner.
      await putOffer(t, a.id('trial'), a.profile, 'trial');
      assert.deepEqual(await eligibilityOf(t, b.accountId), bBefore);
    });
  });
}
