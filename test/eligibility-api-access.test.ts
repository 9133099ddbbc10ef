import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, createFreeTenant, engines, errorOf, ops, signIn, startTestApp, type TestApp } from './helpers.ts';
import {
  codesOf,
  createSeller,
  createTransactSeller,
  eligibilityOf,
  offerBody,
  opsBenefits,
  opsSummary,
  postSales,
  putOffer,
  sale,
  salesRows,
  type BenefitItem,
  type SaleItem,
} from './eligibility-helpers.ts';

// The eligibility API, part 2: who may read, partner isolation, the operator's view by MPN ID,
// refused input, and recomputing only the partners a write touched. What is read is in
// eligibility-api.test.ts.

for (const engine of engines()) {
  describe(`eligibility API (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

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
        // An empty amount says it is required; a wrong one, that its format is wrong.
        assert.deepEqual(Object.values(fields).map((f) => f.code), [amountUsd === '' ? 'FIELD_REQUIRED' : 'FORMAT_INVALID'], `${amountUsd}: ${JSON.stringify(fields)}`);
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
