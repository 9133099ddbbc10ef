import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { associate, call, createFreeTenant, createPartner, engines, errorOf, signIn, startTestApp, type MeBody, type TestApp } from './helpers.ts';
import { ASSOCIATION_ENV, associationQueries, type TenantBody } from './tenant-association-helpers.ts';

// Tenant association, part 2: removing an associated tenant. Associating is in
// tenant-association-associate.test.ts; the rate limit and the audit trail in
// tenant-association-limits.test.ts.

for (const engine of engines()) {
  describe(`tenant association (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, ASSOCIATION_ENV);
    });
    after(async () => t.close());

    const { ownerOf } = associationQueries(() => t);

    describe('removing', () => {
      /** Account A with admin, plus a second tenant associated to A whose user is a global admin. */
      const accountWithSecondTenant = async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const second = await createFreeTenant(t, { boss: ['global-admin'], mia: ['mpn-partner-admin'] });
        const admin = await signIn(t.app, a.users.admin!.username);
        const associated = await associate(t.app, admin, second.users.mia!.username);
        assert.equal(associated.statusCode, 201, associated.body);
        return { a, second, admin };
      };

      it('the primary tenant is 409 TENANT_IS_PRIMARY', async () => {
        const { a, second, admin } = await accountWithSecondTenant();
        const boss = await signIn(t.app, second.users.boss!.username);
        for (const s of [boss, admin]) {
          const response = await call(t.app, s, 'DELETE', `/api/v1/account/tenants/${a.tenantId}`);
          assert.equal(response.statusCode, 409, response.body);
          assert.equal(errorOf(response).code, 'TENANT_IS_PRIMARY');
        }
        assert.equal(await ownerOf(a.tenantId), a.accountId);
      });

      it('the tenant the caller signed in with is 409 TENANT_IS_CURRENT', async () => {
        const { a, second } = await accountWithSecondTenant();
        const boss = await signIn(t.app, second.users.boss!.username);
        const response = await call(t.app, boss, 'DELETE', `/api/v1/account/tenants/${second.tenantId}`);
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(errorOf(response).code, 'TENANT_IS_CURRENT');
        assert.equal(await ownerOf(second.tenantId), a.accountId);
      });

      it("another account's tenant, a free tenant and an unknown id are 404", async () => {
        const { admin } = await accountWithSecondTenant();
        const b = await createPartner(t, { admin: ['global-admin'] });
        const bSecond = await createFreeTenant(t, { x: ['user'] });
        const bAdmin = await signIn(t.app, b.users.admin!.username);
        assert.equal((await associate(t.app, bAdmin, bSecond.users.x!.username)).statusCode, 201);
        const free = await createFreeTenant(t, {});
        for (const id of [bSecond.tenantId, b.tenantId, free.tenantId, '00000000-0000-4000-8000-000000000000']) {
          const response = await call(t.app, admin, 'DELETE', `/api/v1/account/tenants/${id}`);
          assert.equal(response.statusCode, 404, response.body);
          assert.equal(errorOf(response).code, 'NOT_FOUND');
        }
        assert.equal(await ownerOf(bSecond.tenantId), b.accountId);
        assert.equal(await ownerOf(b.tenantId), b.accountId);
      });

      it('a role without tenant management gets 403', async () => {
        const a = await createPartner(t, { admin: ['global-admin'], mpa: ['mpn-partner-admin'] });
        const second = await createFreeTenant(t, { mia: ['user'] });
        const admin = await signIn(t.app, a.users.admin!.username);
        assert.equal((await associate(t.app, admin, second.users.mia!.username)).statusCode, 201);
        const mpa = await signIn(t.app, a.users.mpa!.username);
        const response = await call(t.app, mpa, 'DELETE', `/api/v1/account/tenants/${second.tenantId}`);
        assert.equal(response.statusCode, 403);
        assert.equal(errorOf(response).code, 'FORBIDDEN');
        assert.equal(await ownerOf(second.tenantId), a.accountId);
      });

      it("removing works otherwise: that tenant's users lose the account and the program, and it can be associated again", async () => {
        const { a, second, admin } = await accountWithSecondTenant();
        const miaSession = await signIn(t.app, second.users.mia!.username);
        assert.equal((miaSession.body as unknown as MeBody).navigation.marketplaceRewards, true);

        const response = await call(t.app, admin, 'DELETE', `/api/v1/account/tenants/${second.tenantId}`);
        assert.equal(response.statusCode, 204, response.body);
        assert.equal(await ownerOf(second.tenantId), null);

        const mia = (await signIn(t.app, second.users.mia!.username)).body as unknown as MeBody;
        assert.equal(mia.navigation.marketplaceRewards, false);
        assert.equal(mia.partnerAccount, null);
        assert.equal((await call(t.app, miaSession, 'GET', '/api/v1/me')).statusCode, 401, "the tenant's sessions end at once");

        const list = (await call(t.app, admin, 'GET', '/api/v1/account/tenants')).json<{ items: TenantBody[] }>();
        assert.deepEqual(list.items.map((i) => i.id), [a.tenantId]);
        const again = await call(t.app, admin, 'DELETE', `/api/v1/account/tenants/${second.tenantId}`);
        assert.equal(again.statusCode, 404);

        const b = await createPartner(t, { admin: ['global-admin'] });
        const bAdmin = await signIn(t.app, b.users.admin!.username);
        assert.equal((await associate(t.app, bAdmin, second.users.mia!.username)).statusCode, 201);
        assert.equal(await ownerOf(second.tenantId), b.accountId);
      });
    });
  });
}
