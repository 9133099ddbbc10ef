import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as translate } from '../src/platform/i18n/i18n.ts';
import type { Role } from '../src/platform/values.ts';
import { associate, call, createFreeTenant, createPartner, engines, errorOf, PASSWORD, signIn, startTestApp, type MeBody, type TestApp } from './helpers.ts';
import { ASSOCIATION_ENV, associationQueries, WRONG, type TenantBody } from './tenant-association-helpers.ts';

// Tenant association, part 1: associating a tenant by its user's credentials,
// and every refusal of it. Removing is in tenant-association-remove.test.ts;
// the rate limit and the audit trail in tenant-association-limits.test.ts.

for (const engine of engines()) {
  describe(`tenant association (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, ASSOCIATION_ENV);
    });
    after(async () => t.close());

    const { ownerOf } = associationQueries(() => t);

    describe('associating', () => {
      it("the seed's walk: an admin associates a tenant by its user's credentials, and that user then sees the program", async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['mpn-partner-admin'] });

        const miaBefore = await signIn(t.app, other.users.mia!.username);
        const beforeBody = miaBefore.body as unknown as MeBody;
        assert.equal(beforeBody.navigation.marketplaceRewards, false);
        assert.equal(beforeBody.partnerAccount, null);

        const admin = await signIn(t.app, a.users.admin!.username);
        const response = await associate(t.app, admin, other.users.mia!.username);
        assert.equal(response.statusCode, 201, response.body);
        const tenant = response.json<TenantBody>();
        assert.equal(tenant.id, other.tenantId);
        assert.equal(tenant.domain, other.domain);
        assert.equal(tenant.isPrimary, false);
        assert.ok(tenant.associatedAt && !Number.isNaN(Date.parse(tenant.associatedAt)));
        assert.equal(await ownerOf(other.tenantId), a.accountId);

        const list = await call(t.app, admin, 'GET', '/api/v1/account/tenants');
        assert.equal(list.statusCode, 200);
        const items = list.json<{ items: TenantBody[] }>().items;
        assert.deepEqual(items.map((i) => [i.id, i.isPrimary]).sort(), [[a.tenantId, true], [other.tenantId, false]].sort());

        // Step 5-6: sign out, sign in with the associated tenant's user, and the program is there.
        const mia = await signIn(t.app, other.users.mia!.username);
        const body = mia.body as unknown as MeBody;
        assert.equal(body.navigation.marketplaceRewards, true);
        assert.equal(body.partnerAccount?.id, a.accountId);
        // A session belongs to the association it began in (here: none), so the seed's "sign out and sign in again" is needed.
        assert.equal((await call(t.app, miaBefore, 'GET', '/api/v1/me')).statusCode, 401, 'a session begun before the association ends with it');
      });

      it('takes the sign-in name in any case', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const admin = await signIn(t.app, a.users.admin!.username);
        const response = await associate(t.app, admin, ` ${other.users.mia!.username.toUpperCase()} `);
        assert.equal(response.statusCode, 201, response.body);
        assert.equal(await ownerOf(other.tenantId), a.accountId);
      });

      it('an account-admin may associate too', async () => {
        const a = await createPartner(t, { acc: ['account-admin'] });
        const other = await createFreeTenant(t, { plain: ['user'] });
        const s = await signIn(t.app, a.users.acc!.username);
        const response = await associate(t.app, s, other.users.plain!.username);
        assert.equal(response.statusCode, 201, response.body);
        assert.equal(await ownerOf(other.tenantId), a.accountId);
      });

      for (const role of ['mpn-partner-admin', 'admin-agent', 'user'] as Role[]) {
        it(`${role} gets 403 FORBIDDEN even with correct credentials, and nothing is associated`, async () => {
          const a = await createPartner(t, { someone: [role] });
          const other = await createFreeTenant(t, { mia: ['user'] });
          const s = await signIn(t.app, a.users.someone!.username);
          const response = await associate(t.app, s, other.users.mia!.username);
          assert.equal(response.statusCode, 403, response.body);
          assert.equal(errorOf(response).code, 'FORBIDDEN');
          assert.equal(errorOf(response).message, translate('en-US', 'error.FORBIDDEN.manageTenants'));
          assert.equal(await ownerOf(other.tenantId), null);
          const list = await call(t.app, s, 'GET', '/api/v1/account/tenants');
          assert.equal(list.statusCode, 403, 'nor may it list the tenants');
        });
      }

      it('a user of an unassociated tenant gets 403 NO_PARTNER_ACCOUNT', async () => {
        const lonely = await createFreeTenant(t, { boss: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const s = await signIn(t.app, lonely.users.boss!.username);
        const response = await associate(t.app, s, other.users.mia!.username);
        assert.equal(response.statusCode, 403, response.body);
        assert.equal(errorOf(response).code, 'NO_PARTNER_ACCOUNT');
        assert.equal(await ownerOf(other.tenantId), null);
        assert.equal(await ownerOf(lonely.tenantId), null);
      });

      it('signed out is 401; without the CSRF token is 403', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const anonymous = await call(t.app, null, 'POST', '/api/v1/account/tenants', { username: other.users.mia!.username, password: PASSWORD });
        assert.equal(anonymous.statusCode, 401);
        const s = await signIn(t.app, a.users.admin!.username);
        const noCsrf = await t.app.inject({
          method: 'POST',
          url: '/api/v1/account/tenants',
          payload: { username: other.users.mia!.username, password: PASSWORD },
          headers: { cookie: s.cookie },
        });
        assert.equal(noCsrf.statusCode, 403);
        assert.equal(errorOf(noCsrf).code, 'CSRF_TOKEN_INVALID');
        assert.equal(await ownerOf(other.tenantId), null);
      });

      it('wrong password, unknown user and unknown domain are all 401 INVALID_CREDENTIALS with one message', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const s = await signIn(t.app, a.users.admin!.username);
        const responses = [
          await associate(t.app, s, other.users.mia!.username, WRONG),
          await associate(t.app, s, `nobody@${other.domain}`, PASSWORD),
          await associate(t.app, s, 'mia@no-such-tenant.example', PASSWORD),
        ];
        for (const response of responses) {
          assert.equal(response.statusCode, 401, response.body);
          assert.equal(errorOf(response).code, 'INVALID_CREDENTIALS');
          assert.equal(errorOf(response).fields, undefined);
        }
        assert.equal(new Set(responses.map((r) => errorOf(r).message)).size, 1);
        assert.equal(await ownerOf(other.tenantId), null);
        assert.equal((await call(t.app, s, 'GET', '/api/v1/me')).statusCode, 200, 'a failed check does not touch the caller');
      });

      it('a tenant already associated is 409 TENANT_ALREADY_ASSOCIATED: "this" and "other" accounts are told apart', async () => {
        const a = await createPartner(t, { admin: ['global-admin'], colleague: ['user'] });
        const b = await createPartner(t, { bob: ['user'] });
        const s = await signIn(t.app, a.users.admin!.username);

        const own = await associate(t.app, s, a.users.colleague!.username);
        assert.equal(own.statusCode, 409, own.body);
        assert.equal(errorOf(own).code, 'TENANT_ALREADY_ASSOCIATED');
        assert.equal(errorOf(own).message, translate('en-US', 'error.TENANT_ALREADY_ASSOCIATED.this'));

        const foreign = await associate(t.app, s, b.users.bob!.username);
        assert.equal(foreign.statusCode, 409, foreign.body);
        assert.equal(errorOf(foreign).code, 'TENANT_ALREADY_ASSOCIATED');
        assert.equal(errorOf(foreign).message, translate('en-US', 'error.TENANT_ALREADY_ASSOCIATED.other'));
        assert.notEqual(errorOf(own).message, errorOf(foreign).message);
        assert.equal(await ownerOf(b.tenantId), b.accountId);

        // Without valid credentials nothing about the tenant is revealed.
        const guess = await associate(t.app, s, b.users.bob!.username, WRONG);
        assert.equal(guess.statusCode, 401);
        assert.equal(errorOf(guess).code, 'INVALID_CREDENTIALS');
      });

      it('a tenant associated with another account is also refused after it was associated by a second admin', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const b = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const sa = await signIn(t.app, a.users.admin!.username);
        const sb = await signIn(t.app, b.users.admin!.username);
        assert.equal((await associate(t.app, sa, other.users.mia!.username)).statusCode, 201);
        const second = await associate(t.app, sb, other.users.mia!.username);
        assert.equal(second.statusCode, 409);
        assert.equal(errorOf(second).message, translate('en-US', 'error.TENANT_ALREADY_ASSOCIATED.other'));
        assert.equal(await ownerOf(other.tenantId), a.accountId);
      });

      it('validation: missing password is 422 FIELD_REQUIRED', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const s = await signIn(t.app, a.users.admin!.username);
        const response = await call(t.app, s, 'POST', '/api/v1/account/tenants', { username: 'x@y.example' });
        assert.equal(response.statusCode, 422);
        assert.equal(errorOf(response).fields?.password?.code, 'FIELD_REQUIRED');
      });
    });
  });
}
