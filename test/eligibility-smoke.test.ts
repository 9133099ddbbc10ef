import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, createPartner, engines, ops, signIn, startTestApp, type TestApp } from './helpers.ts';

/**
 * The trial benefit is valid for three months after the offer went live, and PostgreSQL adds
 * months as a calendar does: a day the target month lacks becomes its last day. So the test runs
 * at fixed instants, month ends among them, each with the date written out.
 */
const INSTANTS: readonly { at: string; expires: string }[] = [
  { at: '2026-06-15T12:00:00.000Z', expires: '2026-09-15' },
  { at: '2026-11-30T12:00:00.000Z', expires: '2027-02-28' },
  { at: '2027-11-30T12:00:00.000Z', expires: '2028-02-29' },
  { at: '2027-01-31T12:00:00.000Z', expires: '2027-04-30' },
  { at: '2026-08-31T23:30:00.000Z', expires: '2026-11-30' },
];

for (const engine of engines()) {
  describe(`eligibility end to end (${engine.name})`, () => {
    let t: TestApp;
    // The app's clock: every request of a test sees that test's instant.
    let clock = new Date(INSTANTS[0]!.at);
    before(async () => {
      t = await startTestApp(engine, {}, { clock: () => new Date(clock) });
    });
    after(async () => t.close());

    for (const { at, expires } of INSTANTS) it(`counts live offers and billed sales, gives the tier and the benefits (at ${at})`, async () => {
      clock = new Date(at);
      const p = await createPartner(t, { admin: ['global-admin'] });
      const profile = `pp-${p.mpnId}`;
      assert.equal((await ops(t, 'PUT', `/api/v1/ops/publisher-profiles/${profile}`, { name: 'Main', mpnId: p.mpnId })).statusCode, 200);
      const now = new Date(at);
      const put = (id: string, listingType: string) =>
        ops(t, 'PUT', `/api/v1/ops/offers/${id}`, { publisherProfileId: profile, name: id, listingType, status: 'live', liveAt: now.toISOString(), delistedAt: null });
      for (const [id, type] of [[`o-trial-${p.mpnId}`, 'trial'], [`o-tx-${p.mpnId}`, 'transact']] as const) {
        const r = await put(id, type);
        assert.equal(r.statusCode, 200, r.body);
      }
      const sales = await ops(t, 'POST', '/api/v1/ops/billed-sales', {
        items: [
          { id: `s1-${p.mpnId}`, offerId: `o-tx-${p.mpnId}`, amountUsd: '20000.00', billedAt: now.toISOString(), status: 'billed' },
          { id: `s2-${p.mpnId}`, offerId: `o-tx-${p.mpnId}`, amountUsd: '6000.50', billedAt: now.toISOString(), status: 'billed' },
          { id: `s3-${p.mpnId}`, offerId: `o-tx-${p.mpnId}`, amountUsd: '99999', billedAt: now.toISOString(), status: 'refunded' },
        ],
      });
      assert.equal(sales.statusCode, 200, sales.body);
      assert.equal(sales.json().inserted, 3);
      const again = await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: [{ id: `s1-${p.mpnId}`, offerId: `o-tx-${p.mpnId}`, amountUsd: '20000.00', billedAt: now.toISOString(), status: 'billed' }] });
      assert.equal(again.json().unchanged, 1);

      const s = await signIn(t.app, p.users.admin!.username);
      const rewards = await call(t.app, s, 'GET', '/api/v1/rewards', undefined, { 'accept-language': 'nl-NL' });
      assert.equal(rewards.statusCode, 200, rewards.body);
      const body = rewards.json();
      assert.equal(body.billedSalesTtmUsd, '26000.50');
      assert.equal(body.tier.code, 'level-2');
      assert.equal(body.tier.name, 'Niveau 2');
      assert.equal(body.nextTier.missingUsd, '73999.50');
      assert.deepEqual(body.liveOffers, { list: 0, trial: 1, consulting: 0, transact: 1 });
      assert.equal(body.explanation.excludedSales[0].status, 'refunded');

      const benefits = await call(t.app, s, 'GET', '/api/v1/rewards/benefits');
      const codes = benefits.json().items.map((b: { code: string }) => b.code).sort();
      assert.deepEqual(codes, ['sponsorship-5k', 'technical-assistance', 'transact-launch-kit', 'trial-campaign-assets', 'trial-presales-consultation']);
      const trial = benefits.json().items.find((b: { code: string }) => b.code === 'trial-campaign-assets');
      assert.equal(new Date(trial.expiresAt).toISOString().slice(0, 10), expires);
      assert.equal(new Date(trial.expiresAt).toISOString().slice(10), now.toISOString().slice(10), 'the time of day of the offer going live');

      const sm = await call(t.app, s, 'GET', '/api/v1/rewards/benefits?category=sponsorship');
      assert.deepEqual(sm.json().items.map((b: { code: string }) => b.code), ['sponsorship-5k']);
    });
  });
}
