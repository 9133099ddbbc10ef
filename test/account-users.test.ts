import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../src/platform/values.ts';
import { accountUsersFixtures, ADMIN_ROLES, ROLES, USERS } from './account-users-helpers.ts';
import {
  associate,
  call,
  createFreeTenant,
  createPartner,
  engines,
  errorOf,
  PASSWORD,
  signIn,
  startTestApp,
  type TestApp,
  type UserBody,
} from './helpers.ts';

// Account users, part 1: who may manage users, and partner isolation. The global admin rules,
// self-protection and validation are in account-users-rules.test.ts.

for (const engine of engines()) {
  describe(`account users (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    const { userRow, newUser, list } = accountUsersFixtures(() => t);

    describe('who may manage users', () => {
      for (const role of ROLES) {
        const allowed = ADMIN_ROLES.includes(role);
        it(`${role}: list, add, change and remove ${allowed ? 'are allowed' : 'are 403 FORBIDDEN and change nothing'}`, async () => {
          const p = await createPartner(t, { actor: [role], target: ['user'] });
          const s = await signIn(t.app, p.users.actor!.username);
          const target = p.users.target!;

          const listed = await call(t.app, s, 'GET', USERS);
          const added = await call(t.app, s, 'POST', USERS, newUser(p, 'newbie'));
          const patched = await call(t.app, s, 'PATCH', `${USERS}/${target.id}`, { roles: ['admin-agent'], displayName: 'Changed' });
          const removed = await call(t.app, s, 'DELETE', `${USERS}/${target.id}`);

          if (allowed) {
            assert.equal(listed.statusCode, 200, listed.body);
            assert.equal(added.statusCode, 201, added.body);
            assert.equal(patched.statusCode, 200, patched.body);
            assert.deepEqual(patched.json<UserBody>().roles, ['admin-agent']);
            assert.equal(removed.statusCode, 204, removed.body);
            assert.equal(await userRow(target.id), undefined);
          } else {
            for (const response of [listed, added, patched, removed]) {
              assert.equal(response.statusCode, 403, response.body);
              assert.equal(errorOf(response).code, 'FORBIDDEN');
            }
            const row = await userRow(target.id);
            assert.deepEqual(row?.roles, ['user']);
            assert.equal(row?.display_name, 'target');
            const newbie = await t.database.db.selectFrom('users').select('id').where('username', '=', `newbie@${p.domain}`).execute();
            assert.equal(newbie.length, 0);
          }
        });
      }

      it('a user of an unassociated tenant gets 403 NO_PARTNER_ACCOUNT', async () => {
        const free = await createFreeTenant(t, { boss: ['global-admin'], other: ['user'] });
        const s = await signIn(t.app, free.users.boss!.username);
        for (const response of [
          await call(t.app, s, 'GET', USERS),
          await call(t.app, s, 'POST', USERS, newUser(free, 'x')),
          await call(t.app, s, 'PATCH', `${USERS}/${free.users.other!.id}`, { roles: ['global-admin'] }),
          await call(t.app, s, 'DELETE', `${USERS}/${free.users.other!.id}`),
        ]) {
          assert.equal(response.statusCode, 403, response.body);
          assert.equal(errorOf(response).code, 'NO_PARTNER_ACCOUNT');
        }
        assert.deepEqual((await userRow(free.users.other!.id))?.roles, ['user']);
      });

      it('signed out is 401 for every users endpoint', async () => {
        const p = await createPartner(t, { admin: ['global-admin'] });
        for (const response of [
          await call(t.app, null, 'GET', USERS),
          await call(t.app, null, 'POST', USERS, newUser(p, 'x')),
          await call(t.app, null, 'PATCH', `${USERS}/${p.users.admin!.id}`, { roles: ['user'] }),
          await call(t.app, null, 'DELETE', `${USERS}/${p.users.admin!.id}`),
        ]) {
          assert.equal(response.statusCode, 401, response.body);
          assert.equal(errorOf(response).code, 'UNAUTHENTICATED');
        }
        assert.ok(await userRow(p.users.admin!.id));
      });
    });

    describe('partner isolation', () => {
      /** Partner A with a second associated tenant, and partner B. */
      const twoPartners = async () => {
        const a = await createPartner(t, { admin: ['global-admin'], anna: ['user'] });
        const second = await createFreeTenant(t, { mia: ['mpn-partner-admin'] });
        const b = await createPartner(t, { admin: ['global-admin'], bob: ['account-admin'] });
        const admin = await signIn(t.app, a.users.admin!.username);
        assert.equal((await associate(t.app, admin, second.users.mia!.username)).statusCode, 201);
        return { a, second, b, admin };
      };

      it("the list holds the users of every tenant of the account, and none of partner B's or a free tenant's", async () => {
        const { a, second, b, admin } = await twoPartners();
        const free = await createFreeTenant(t, { loner: ['user'] });
        const items = await list(admin);
        assert.deepEqual(
          items.map((u) => u.username).sort(),
          [a.users.admin!.username, a.users.anna!.username, second.users.mia!.username].sort(),
        );
        const mia = items.find((u) => u.id === second.users.mia!.id);
        assert.equal(mia?.tenantId, second.tenantId);
        assert.equal(mia?.tenantDomain, second.domain);
        const ids = new Set(items.map((u) => u.id));
        for (const foreign of [b.users.admin!, b.users.bob!, free.users.loner!]) assert.ok(!ids.has(foreign.id));
        assert.ok(items.every((u) => !('password' in u) && !('passwordHash' in u)));
      });

      it("partner A's admin gets 404 on PATCH and DELETE of B's user, and B's user is unchanged", async () => {
        const { b, admin } = await twoPartners();
        const bob = b.users.bob!;
        const before = await userRow(bob.id);
        const patched = await call(t.app, admin, 'PATCH', `${USERS}/${bob.id}`, { roles: ['user'], displayName: 'Hacked', email: 'evil@evil.example' });
        assert.equal(patched.statusCode, 404, patched.body);
        assert.equal(errorOf(patched).code, 'NOT_FOUND');
        const removed = await call(t.app, admin, 'DELETE', `${USERS}/${bob.id}`);
        assert.equal(removed.statusCode, 404, removed.body);
        assert.equal(errorOf(removed).code, 'NOT_FOUND');

        assert.deepEqual(await userRow(bob.id), before);
        const bobSession = await signIn(t.app, bob.username);
        assert.deepEqual((bobSession.body as { roles: Role[] }).roles, ['account-admin']);
      });

      it("the 404 for B's user is the same as for a user that does not exist", async () => {
        const { b, admin } = await twoPartners();
        const foreign = await call(t.app, admin, 'PATCH', `${USERS}/${b.users.admin!.id}`, { roles: ['user'] });
        const missing = await call(t.app, admin, 'PATCH', `${USERS}/00000000-0000-4000-8000-000000000000`, { roles: ['user'] });
        assert.equal(foreign.statusCode, 404);
        assert.equal(missing.statusCode, 404);
        assert.deepEqual(foreign.json(), missing.json());
        assert.deepEqual((await userRow(b.users.admin!.id))?.roles, ['global-admin']);
      });

      it('a user of a tenant that was removed from the account is out of reach', async () => {
        const { second, admin } = await twoPartners();
        assert.equal((await call(t.app, admin, 'DELETE', `/api/v1/account/tenants/${second.tenantId}`)).statusCode, 204);
        const patched = await call(t.app, admin, 'PATCH', `${USERS}/${second.users.mia!.id}`, { roles: ['user'] });
        assert.equal(patched.statusCode, 404);
        assert.ok(!(await list(admin)).some((u) => u.id === second.users.mia!.id));
      });

      it('adding a user to a tenant that is not in the account is 422 TENANT_NOT_IN_ACCOUNT', async () => {
        const { b, admin } = await twoPartners();
        const free = await createFreeTenant(t, {});
        for (const tenantId of [b.tenantId, free.tenantId, '00000000-0000-4000-8000-000000000000']) {
          const response = await call(t.app, admin, 'POST', USERS, newUser({ tenantId }, 'intruder'));
          assert.equal(response.statusCode, 422, response.body);
          assert.equal(errorOf(response).code, 'VALIDATION_FAILED');
          assert.equal(errorOf(response).fields?.tenantId?.code, 'TENANT_NOT_IN_ACCOUNT');
        }
        const rows = await t.database.db.selectFrom('users').select('id').where('tenant_id', 'in', [b.tenantId, free.tenantId]).execute();
        assert.equal(rows.length, 2, "only partner B's own two users");
      });

      it('adding a user to an associated (non-primary) tenant works, and the user signs in there', async () => {
        const { a, second, admin } = await twoPartners();
        const response = await call(t.app, admin, 'POST', USERS, newUser(second, 'carla', ['admin-agent']));
        assert.equal(response.statusCode, 201, response.body);
        const carla = response.json<UserBody>();
        assert.equal(carla.username, `carla@${second.domain}`);
        assert.equal(carla.tenantId, second.tenantId);
        assert.ok(!response.body.includes(PASSWORD));
        const s = await signIn(t.app, carla.username);
        const body = s.body as { navigation: { marketplaceRewards: boolean }; partnerAccount: { id: string } };
        assert.equal(body.partnerAccount.id, a.accountId);
        assert.equal(body.navigation.marketplaceRewards, true);
      });
    });
  });
}
