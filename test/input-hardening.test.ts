import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPartner, engines, errorOf, ops, PASSWORD, signIn, call, startTestApp, type TestApp } from './helpers.ts';

// No 500 on any input (issue #10, section 2): each input below was a 500 on both engines. Each is now
// a 4xx in the error shape, with the field named, in the caller's language, and nothing written.

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'offer-\ud800';

for (const engine of engines()) {
  describe(`input the database cannot hold (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    const count = async (table: 'offers' | 'publisher_profiles' | 'billed_sales' | 'users') =>
      Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    const refused = (response: { statusCode: number; body: string }, field: string, code = 'CHARACTERS_INVALID') => {
      assert.equal(response.statusCode, 422, response.body);
      const error = errorOf(response as never);
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.equal(error.fields?.[field]?.code, code, response.body);
      assert.ok(error.fields[field].message.length > 0);
    };

    const profileFor = async () => {
      const p = await createPartner(t);
      const profile = `pp-${p.mpnId}`;
      assert.equal((await ops(t, 'PUT', `/api/v1/ops/publisher-profiles/${profile}`, { name: 'Main', mpnId: p.mpnId })).statusCode, 200);
      return { p, profile };
    };
    const offer = (profile: string, overrides: Record<string, unknown> = {}) => ({
      publisherProfileId: profile,
      name: 'Offer',
      listingType: 'transact',
      status: 'live',
      liveAt: '2026-01-01T00:00:00Z',
      delistedAt: null,
      ...overrides,
    });

    it('a NUL in the anonymous sign-in name is a 422 on the field, in Dutch, and no password hash reaches the log', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'accept-language': 'nl-NL' },
        payload: { username: `x${NUL}@example.com`, password: PASSWORD },
      });
      refused(response, 'username');
      assert.match(errorOf(response).fields!.username!.message, /Verwijder/);
      assert.ok(!t.logLines.some((line) => line.includes('scrypt') || line.includes('$')), 'no hash in the log');
    });

    it('a NUL in a display name, a profile or offer name, an id in the path or the body, a billed-sale id: 422, nothing written', async () => {
      const { p, profile } = await profileFor();
      const admin = await signIn(t.app, p.users.admin!.username);
      refused(await call(t.app, admin, 'PATCH', `/api/v1/account/users/${p.users.admin!.id}`, { displayName: NUL }), 'displayName');
      const offers = await count('offers');
      const profiles = await count('publisher_profiles');
      refused(await ops(t, 'PUT', `/api/v1/ops/publisher-profiles/pp-${NUL}`, { name: 'Main', mpnId: p.mpnId }), 'id');
      refused(await ops(t, 'PUT', `/api/v1/ops/publisher-profiles/${profile}`, { name: NUL, mpnId: p.mpnId }), 'name');
      refused(await ops(t, 'PUT', `/api/v1/ops/offers/o-${NUL}`, offer(profile)), 'id');
      refused(await ops(t, 'PUT', '/api/v1/ops/offers/o-1', offer(profile, { name: NUL })), 'name');
      refused(await ops(t, 'PUT', '/api/v1/ops/offers/o-1', offer(`pp-${NUL}`)), 'publisherProfileId');
      const sales = await count('billed_sales');
      refused(
        await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: [{ id: NUL, offerId: 'o-1', amountUsd: '1.00', billedAt: '2026-01-01T00:00:00Z', status: 'billed' }] }),
        'items.0.id',
      );
      assert.equal(await count('offers'), offers);
      assert.equal(await count('publisher_profiles'), profiles);
      assert.equal(await count('billed_sales'), sales);
      const row = await t.database.db.selectFrom('users').select('display_name').where('id', '=', p.users.admin!.id).executeTakeFirstOrThrow();
      assert.equal(row.display_name, 'admin');
    });

    it('a lone UTF-16 surrogate in an id is refused, so two different ids never become one row', async () => {
      const { profile } = await profileFor();
      const before = await count('offers');
      // JSON.stringify writes a lone surrogate as the escape \ud800, which JSON.parse turns back into it.
      for (const name of [LONE_SURROGATE, 'offer-\udbff']) refused(await ops(t, 'PUT', '/api/v1/ops/offers/o-ok', offer(profile, { name })), 'name');
      // In the path, a surrogate's bytes are no UTF-8: the router refuses the address.
      const inPath = await t.app.inject({ method: 'PUT', url: '/api/v1/ops/offers/o-%ED%A0%80', headers: { authorization: `Bearer ${t.operatorToken}` }, payload: offer(profile) });
      assert.equal(inPath.statusCode, 400, inPath.body);
      const inBody = await ops(t, 'POST', '/api/v1/ops/billed-sales', {
        items: [{ id: LONE_SURROGATE, offerId: 'o-ok', amountUsd: '1.00', billedAt: '2026-01-01T00:00:00Z', status: 'billed' }],
      });
      refused(inBody, 'items.0.id');
      assert.equal(await count('offers'), before);
    });

    it('dates the schema took and the database did not: year 10000 after the offset, year 0, an offset past 15:59', async () => {
      const { profile } = await profileFor();
      const before = await count('offers');
      for (const liveAt of ['9999-12-31T23:30:00-01:00', '0000-06-01T00:00:00Z', '2026-01-01T00:00:00+16:00', '2026-01-01T00:00:00-15:60']) {
        const response = await ops(t, 'PUT', '/api/v1/ops/offers/o-dates', offer(profile, { liveAt }));
        refused(response, 'liveAt', 'FORMAT_INVALID');
      }
      assert.equal(await count('offers'), before, 'the offer is not written');
      // The edges that are fine: the last instant of year 9999, an offset of 15:59.
      for (const liveAt of ['9999-12-31T23:59:59Z', '2026-01-01T00:00:00+15:59', '0001-01-01T00:00:00Z']) {
        const response = await ops(t, 'PUT', '/api/v1/ops/offers/o-dates', offer(profile, { liveAt }));
        assert.equal(response.statusCode, 200, `${liveAt}: ${response.body}`);
      }
    });

    it('one amount of 99,999,999,999,999.99 is refused, and a partner with many large amounts still sums', async () => {
      const { profile } = await profileFor();
      assert.equal((await ops(t, 'PUT', '/api/v1/ops/offers/o-money', offer(profile))).statusCode, 200);
      const sale = (id: string, amountUsd: string) => ({ id, offerId: 'o-money', amountUsd, billedAt: new Date(Date.now() - 86_400_000).toISOString(), status: 'billed' });
      refused(await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: [sale('s-huge', '99999999999999.99')] }), 'items.0.amountUsd', 'FORMAT_INVALID');
      refused(await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: [sale('s-huge', '1000000000.00')] }), 'items.0.amountUsd', 'FORMAT_INVALID');
      const many = Array.from({ length: 200 }, (_, i) => sale(`s-big-${i}`, '999999999.99'));
      const response = await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: many });
      assert.equal(response.statusCode, 200, response.body);
      const next = await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: [sale('s-small', '1.00')] });
      assert.equal(next.statusCode, 200, 'a later line of that partner still goes in');
    });

    it("the router's own refusals leave in the app's shape and language; a too-long id is the schema's 422 TOO_LONG", async () => {
      const badEscape = await t.app.inject({ method: 'GET', url: '/api/v1/me/%zz', headers: { 'accept-language': 'nl-NL' } });
      assert.equal(badEscape.statusCode, 400);
      const error = errorOf(badEscape);
      assert.equal(error.code, 'BAD_REQUEST');
      assert.match(error.message, /ongeldig/);
      assert.ok(!badEscape.body.includes('%zz'), 'the path is not echoed');
      const { profile } = await profileFor();
      refused(await ops(t, 'PUT', `/api/v1/ops/offers/${'x'.repeat(150)}`, offer(profile)), 'id', 'TOO_LONG');
    });

    it('a huge body of bad fields gets at most 20 of them back', async () => {
      const body = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${i}`, NUL]));
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: body });
      assert.equal(response.statusCode, 422);
      assert.ok(Object.keys(errorOf(response).fields ?? {}).length <= 20);
      assert.ok(response.body.length < 10_000, `${response.body.length} bytes`);
      const unknown = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${i}`, 'x']));
      const second = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: unknown });
      assert.equal(second.statusCode, 422);
      assert.ok(Object.keys(errorOf(second).fields ?? {}).length <= 20, second.body.slice(0, 200));
    });

    it('an Authorization header on a public or a session endpoint is ignored there', async () => {
      const p = await createPartner(t);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
        payload: { username: p.users.admin!.username, password: PASSWORD },
      });
      assert.equal(response.statusCode, 200, response.body);
      const health = await t.app.inject({ method: 'GET', url: '/healthz', headers: { authorization: 'Bearer nonsense' } });
      assert.equal(health.statusCode, 200);
      const session = await signIn(t.app, p.users.admin!.username);
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie, authorization: 'Bearer nonsense' } });
      assert.equal(me.statusCode, 200, me.body);
      const opsCall = await t.app.inject({ method: 'GET', url: '/api/v1/ops/outbox', headers: { authorization: 'Bearer nonsense' } });
      assert.equal(opsCall.statusCode, 401, 'the operator API still checks its token');
    });
  });
}
