import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as translate } from '../src/platform/i18n/i18n.ts';
import type { Role } from '../src/platform/values.ts';
import { call, createFreeTenant, createPartner, engines, errorOf, signIn, startTestApp, type MeBody, type TestApp } from './helpers.ts';

// The identity API, part 3: who sees Marketplace Rewards in the navigation,
// and the "why can't I see it" help. Sign-in and sessions are in
// identity-sessions.test.ts; CSRF and error bodies in identity-csrf-errors.test.ts.

interface HelpBody {
  visible: boolean;
  checks: { code: 'TENANT_ASSOCIATED' | 'REWARDS_ROLE'; ok: boolean; title: string; explanation: string; steps: string[] }[];
}

for (const engine of engines()) {
  describe(`identity (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    describe('navigation.marketplaceRewards', () => {
      const table: { roles: Role[]; associated: boolean; visible: boolean }[] = [
        { roles: ['mpn-partner-admin'], associated: true, visible: true },
        { roles: ['global-admin'], associated: true, visible: true },
        { roles: ['admin-agent'], associated: true, visible: true },
        { roles: ['account-admin'], associated: true, visible: false },
        { roles: ['user'], associated: true, visible: false },
        { roles: ['account-admin', 'admin-agent'], associated: true, visible: true },
        { roles: ['global-admin'], associated: false, visible: false },
        { roles: ['mpn-partner-admin'], associated: false, visible: false },
        { roles: ['user'], associated: false, visible: false },
      ];
      for (const row of table) {
        it(`${row.roles.join('+')} through ${row.associated ? 'an associated' : 'an unassociated'} tenant -> ${row.visible}`, async () => {
          const fixture = row.associated
            ? await createPartner(t, { someone: row.roles })
            : await createFreeTenant(t, { someone: row.roles });
          const s = await signIn(t.app, fixture.users.someone!.username);
          const body = s.body as unknown as MeBody;
          assert.equal(body.navigation.marketplaceRewards, row.visible);
          assert.equal(body.visibility.tenantAssociated, row.associated);
          assert.equal(body.partnerAccount === null, !row.associated);
          const me = (await call(t.app, s, 'GET', '/api/v1/me')).json<MeBody>();
          assert.equal(me.navigation.marketplaceRewards, row.visible);
        });
      }
    });

    describe('help: why can\'t I see Marketplace Rewards', () => {
      const help = async (s: Awaited<ReturnType<typeof signIn>>, headers: Record<string, string> = {}) => {
        const response = await call(t.app, s, 'GET', '/api/v1/help/rewards-visibility', undefined, headers);
        assert.equal(response.statusCode, 200, response.body);
        return response.json<HelpBody>();
      };
      const check = (body: HelpBody, code: HelpBody['checks'][number]['code']) => {
        const found = body.checks.find((c) => c.code === code);
        assert.ok(found, `check ${code} present`);
        return found;
      };

      it('is 401 when signed out', async () => {
        const response = await call(t.app, null, 'GET', '/api/v1/help/rewards-visibility');
        assert.equal(response.statusCode, 401);
        assert.equal(errorOf(response).code, 'UNAUTHENTICATED');
      });

      it('all checks pass for a global admin of an associated tenant', async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const body = await help(await signIn(t.app, p.users.anna!.username));
        assert.equal(body.visible, true);
        assert.deepEqual(body.checks.map((c) => [c.code, c.ok]), [['TENANT_ASSOCIATED', true], ['REWARDS_ROLE', true]]);
        assert.ok(body.checks.every((c) => c.steps.length === 0));
        assert.ok(check(body, 'TENANT_ASSOCIATED').explanation.includes(p.domain));
      });

      it('names the missing association, with the seed steps, for an unassociated tenant', async () => {
        const free = await createFreeTenant(t, { anna: ['global-admin'] });
        const body = await help(await signIn(t.app, free.users.anna!.username));
        assert.equal(body.visible, false);
        const tenant = check(body, 'TENANT_ASSOCIATED');
        assert.equal(tenant.ok, false);
        assert.equal(tenant.steps.length, 6);
        assert.ok(tenant.explanation.includes(free.domain));
        assert.ok(tenant.steps.some((step) => step.includes(free.domain)));
        assert.equal(tenant.explanation, translate('en-US', 'help.visibility.tenant.missing', { domain: free.domain, account: '' }));
        const role = check(body, 'REWARDS_ROLE');
        assert.equal(role.ok, true);
        assert.deepEqual(role.steps, []);
      });

      it('names the missing role for a plain user of an associated tenant', async () => {
        const p = await createPartner(t, { anna: ['user'] });
        const body = await help(await signIn(t.app, p.users.anna!.username));
        assert.equal(body.visible, false);
        assert.equal(check(body, 'TENANT_ASSOCIATED').ok, true);
        const role = check(body, 'REWARDS_ROLE');
        assert.equal(role.ok, false);
        assert.equal(role.steps.length, 2);
        assert.equal(role.explanation, translate('en-US', 'help.visibility.role.missing'));
      });

      it('speaks Dutch for Accept-Language nl-NL', async () => {
        const free = await createFreeTenant(t, { anna: ['user'] });
        const s = await signIn(t.app, free.users.anna!.username);
        const english = await help(s);
        const dutch = await help(s, { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5' });
        assert.deepEqual(dutch.checks.map((c) => [c.code, c.ok]), [['TENANT_ASSOCIATED', false], ['REWARDS_ROLE', false]]);
        assert.equal(check(dutch, 'TENANT_ASSOCIATED').title, translate('nl-NL', 'help.visibility.tenant.title'));
        assert.equal(check(dutch, 'REWARDS_ROLE').explanation, translate('nl-NL', 'help.visibility.role.missing'));
        assert.notEqual(check(dutch, 'TENANT_ASSOCIATED').title, check(english, 'TENANT_ASSOCIATED').title);
        assert.equal(check(dutch, 'TENANT_ASSOCIATED').steps.length, 6);
        assert.ok(check(dutch, 'TENANT_ASSOCIATED').steps.every((step, i) => step !== check(english, 'TENANT_ASSOCIATED').steps[i]));
      });

      it("the user's saved locale (PATCH /me) overrides Accept-Language, and null follows the browser again", async () => {
        const p = await createPartner(t, { anna: ['user'] });
        const s = await signIn(t.app, p.users.anna!.username);
        const nlTitle = translate('nl-NL', 'help.visibility.role.title');
        const enTitle = translate('en-US', 'help.visibility.role.title');

        assert.equal((await call(t.app, s, 'PATCH', '/api/v1/me', { locale: 'nl-NL' })).statusCode, 200);
        const saved = await help(s, { 'accept-language': 'en-US' });
        assert.equal(check(saved, 'REWARDS_ROLE').title, nlTitle);
        const error = await call(t.app, s, 'PATCH', '/api/v1/me', { locale: 'fr-FR' }, { 'accept-language': 'en-US' });
        assert.equal(error.statusCode, 422);
        assert.equal(errorOf(error).message, translate('nl-NL', 'error.VALIDATION_FAILED'));

        assert.equal((await call(t.app, s, 'PATCH', '/api/v1/me', { locale: null })).statusCode, 200);
        assert.equal(check(await help(s, { 'accept-language': 'en-US' }), 'REWARDS_ROLE').title, enTitle);
        assert.equal(check(await help(s, { 'accept-language': 'nl' }), 'REWARDS_ROLE').title, nlTitle);
      });

      it('a saved locale is used from the sign-in on, whatever the browser says', async () => {
        const p = await createPartner(t, { anna: ['user'] });
        const first = await signIn(t.app, p.users.anna!.username);
        assert.equal((await call(t.app, first, 'PATCH', '/api/v1/me', { locale: 'nl-NL' })).statusCode, 200);
        const second = await signIn(t.app, p.users.anna!.username);
        const body = await help(second, { 'accept-language': 'en-US' });
        assert.equal(check(body, 'REWARDS_ROLE').title, translate('nl-NL', 'help.visibility.role.title'));
      });
    });
  });
}
