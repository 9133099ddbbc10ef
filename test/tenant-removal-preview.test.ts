import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { associate, call, createFreeTenant, createPartner, createUser, engines, errorOf, PASSWORD, signIn, startTestApp, type TestApp } from './helpers.ts';
import { contactBody, putContact } from './benefits-helpers.ts';

// Issue #13, "removing a tenant is one click": the portal asks first, saying who loses access. The
// server says what a removal would do (GET /api/v1/account/tenants/{id}/removal), refused exactly as
// the removal is, and changing nothing.

const TENANTS = '/api/v1/account/tenants';

interface Preview {
  tenant: { id: string; domain: string; abilities: { remove: boolean } };
  userCount: number;
  users: { id: string; displayName: string; username: string; addedByAccount: boolean }[];
  marketingContact: { userId: string; displayName: string } | null;
}

for (const engine of engines()) {
  describe(`tenant removal preview (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    /** Account A (admin, a Global admin) with a second tenant (boss, mia) associated, and a user A added there. */
    async function accountWithSecondTenant() {
      const a = await createPartner(t, { admin: ['global-admin'], mpa: ['mpn-partner-admin'] });
      const second = await createFreeTenant(t, { boss: ['global-admin'], mia: ['user'] });
      const admin = await signIn(t.app, a.users.admin!.username);
      assert.equal((await associate(t.app, admin, second.users.mia!.username)).statusCode, 201);
      const added = await call(t.app, admin, 'POST', '/api/v1/account/users', { tenantId: second.tenantId, username: 'zed', displayName: 'Zed Added', email: 'zed@mail.example', password: PASSWORD, roles: ['admin-agent'] });
      assert.equal(added.statusCode, 201, added.body);
      return { a, second, admin, added: added.json<{ id: string }>() };
    }

    const contactOf = async (session: Awaited<ReturnType<typeof signIn>>) => {
      const { contact } = (await call(t.app, session, 'GET', '/api/v1/rewards/marketing-contact')).json<{ contact: { userId: string | null; needsReassignment: boolean } }>();
      return [contact.userId, contact.needsReassignment];
    };
    const preview = (session: Awaited<ReturnType<typeof signIn>>, tenantId: string) => call(t.app, session, 'GET', `${TENANTS}/${tenantId}/removal`);

    it('names every user of the tenant who loses access, those the account added as deleted, and changes nothing', async () => {
      const { a, second, admin, added } = await accountWithSecondTenant();
      const response = await preview(admin, second.tenantId);
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json<Preview>();
      assert.equal(body.tenant.id, second.tenantId);
      assert.equal(body.tenant.abilities.remove, true);
      assert.equal(body.userCount, 3);
      assert.deepEqual(
        body.users.map((user) => [user.displayName, user.username, user.addedByAccount]),
        [
          ['boss', second.users.boss!.username, false],
          ['mia', second.users.mia!.username, false],
          ['Zed Added', `zed@${second.domain}`, true],
        ],
      );
      assert.equal(body.marketingContact, null);
      // Nothing changed: the tenant is still the account's, its users and their sessions still there.
      const tenants = (await call(t.app, admin, 'GET', TENANTS)).json<{ items: { id: string }[] }>().items.map((tenant) => tenant.id);
      assert.deepEqual(tenants, [a.tenantId, second.tenantId]);
      assert.ok(await t.database.db.selectFrom('users').select('id').where('id', '=', added.id).executeTakeFirst());
    });

    it('says when the marketing contact is one of them; after the removal the contact waits for reassignment', async () => {
      const { a, second, admin } = await accountWithSecondTenant();
      const assigned = await putContact(t.app, admin, contactBody({ ...a, users: { ...a.users, mia: second.users.mia! } }, 'mia'));
      assert.equal(assigned.statusCode, 200, assigned.body);
      const body = (await preview(admin, second.tenantId)).json<Preview>();
      assert.deepEqual(body.marketingContact, { userId: second.users.mia!.id, displayName: 'mia' });

      assert.equal((await call(t.app, admin, 'DELETE', `${TENANTS}/${second.tenantId}`)).statusCode, 204);
      assert.deepEqual(await contactOf(admin), [null, true]);
      // Released in the removal's transaction, and audited with who did it.
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select(['actor_id', 'subject_id', 'details'])
        .where('action', '=', 'marketing-contact.released')
        .where('partner_account_id', '=', a.accountId)
        .execute();
      assert.deepEqual(
        audit.map((row) => [row.actor_id, row.subject_id, (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as unknown]),
        [[a.users.admin!.id, second.users.mia!.id, { tenantId: second.tenantId, domain: second.domain }]],
      );
      // Associating the tenant again does not make mia the contact again, unasked.
      assert.equal((await associate(t.app, admin, second.users.mia!.username)).statusCode, 201);
      assert.deepEqual(await contactOf(admin), [null, true]);
    });

    it('a contact in another tenant is not named, and stays the contact through the removal', async () => {
      const { a, second, admin } = await accountWithSecondTenant();
      assert.equal((await putContact(t.app, admin, contactBody(a, 'admin'))).statusCode, 200);
      assert.equal((await preview(admin, second.tenantId)).json<Preview>().marketingContact, null);
      assert.equal((await call(t.app, admin, 'DELETE', `${TENANTS}/${second.tenantId}`)).statusCode, 204);
      assert.deepEqual(await contactOf(admin), [a.users.admin!.id, false]);
    });

    it('names the first 50 by name (whatever the case) and counts them all', async () => {
      const { second, admin } = await accountWithSecondTenant();
      for (let i = 0; i < 48; i += 1) await createUser(t, second.tenantId, second.domain, `u${String(i).padStart(2, '0')}`, ['user']);
      const body = (await preview(admin, second.tenantId)).json<Preview>();
      assert.equal(body.userCount, 51);
      assert.equal(body.users.length, 50);
      // By name, whatever the case: boss, mia, u00 ... u47; Zed is the one left unnamed.
      assert.deepEqual([body.users[0]!.displayName, body.users[1]!.displayName, body.users[49]!.displayName], ['boss', 'mia', 'u47']);
    });

    it('is refused as the removal is: the primary tenant, the one signed in with, another account, a role without tenant management', async () => {
      const { a, second, admin } = await accountWithSecondTenant();
      const primary = await preview(admin, a.tenantId);
      assert.equal(primary.statusCode, 409);
      assert.equal(errorOf(primary).code, 'TENANT_IS_PRIMARY');
      const boss = await signIn(t.app, second.users.boss!.username);
      const current = await preview(boss, second.tenantId);
      assert.equal(current.statusCode, 409);
      assert.equal(errorOf(current).code, 'TENANT_IS_CURRENT');
      const b = await createPartner(t, { admin: ['global-admin'] });
      const bAdmin = await signIn(t.app, b.users.admin!.username);
      assert.equal((await preview(bAdmin, second.tenantId)).statusCode, 404);
      assert.equal((await preview(admin, '00000000-0000-4000-8000-000000000000')).statusCode, 404);
      const mpa = await signIn(t.app, a.users.mpa!.username);
      const forbidden = await preview(mpa, second.tenantId);
      assert.equal(forbidden.statusCode, 403);
      assert.equal(errorOf(forbidden).code, 'FORBIDDEN');
    });
  });
}
