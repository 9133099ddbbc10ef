import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, createPartner, createTenant, engines, errorOf, ops, PASSWORD, signIn, startTestApp, unique, type TestApp } from './helpers.ts';

// A 409 for a record that exists says which record (issue #10, section 5): a client that retries a
// create, or loads data twice, learns the id it is after without another lookup.

for (const engine of engines()) {
  describe(`409 names the existing record (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('a taken domain, MPN ID or sign-in name answers with the tenant, partner account or user that has it', async () => {
      const domain = `${unique('c')}.example`;
      const tenantId = await createTenant(t, domain);
      const again = await ops(t, 'POST', '/api/v1/ops/tenants', { domain, displayName: 'Again' });
      assert.equal(again.statusCode, 409);
      assert.deepEqual(errorOf(again).conflict, { type: 'tenant', id: tenantId });

      const p = await createPartner(t, { admin: ['global-admin'] });
      const otherTenant = await createTenant(t, `${unique('c')}.example`);
      const mpn = await ops(t, 'POST', '/api/v1/ops/partner-accounts', { name: 'Copy', mpnId: p.mpnId, companyEmail: 'office@mail.example.com', primaryTenantId: otherTenant });
      assert.equal(mpn.statusCode, 409, mpn.body);
      assert.deepEqual(errorOf(mpn).conflict, { type: 'partner-account', id: p.accountId });

      const user = { username: 'admin', displayName: 'Admin', email: `admin@mail.${p.domain}`, password: PASSWORD, roles: [] };
      const opsUser = await ops(t, 'POST', `/api/v1/ops/tenants/${p.tenantId}/users`, user);
      assert.equal(opsUser.statusCode, 409);
      assert.deepEqual(errorOf(opsUser).conflict, { type: 'user', id: p.users.admin!.id });
      const admin = await signIn(t.app, p.users.admin!.username);
      const accountUser = await call(t.app, admin, 'POST', '/api/v1/account/users', { ...user, tenantId: p.tenantId });
      assert.equal(accountUser.statusCode, 409);
      assert.deepEqual(errorOf(accountUser).conflict, { type: 'user', id: p.users.admin!.id });
      assert.ok(!accountUser.body.includes('scrypt'), 'nothing but the id');
    });
  });
}
