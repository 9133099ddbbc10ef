import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../src/platform/values.ts';
import { accountUsersFixtures, ADMIN_ROLES, USERS } from './account-users-helpers.ts';
import {
  call,
  createPartner,
  engines,
  errorOf,
  PASSWORD,
  signIn,
  startTestApp,
  type PartnerFixture,
  type TestApp,
  type UserBody,
} from './helpers.ts';

// Account users, part 2: the global admin rules, self-protection and validation. Who may manage
// users and partner isolation are in account-users.test.ts.

for (const engine of engines()) {
  describe(`account users (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    const { userRow, newUser, list } = accountUsersFixtures(() => t);

    describe('global admin rules', () => {
      const partner = () => createPartner(t, { global: ['global-admin'], acc: ['account-admin'], other: ['user'], peer: ['account-admin'] });
      const expectForbidden = (response: Awaited<ReturnType<typeof call>>) => {
        assert.equal(response.statusCode, 403, response.body);
        assert.equal(errorOf(response).code, 'FORBIDDEN');
      };

      it('an account-admin cannot grant global-admin, to a new user, another user or itself', async () => {
        const p = await partner();
        const s = await signIn(t.app, p.users.acc!.username);
        expectForbidden(await call(t.app, s, 'POST', USERS, newUser(p, 'boss', ['global-admin'])));
        expectForbidden(await call(t.app, s, 'PATCH', `${USERS}/${p.users.other!.id}`, { roles: ['global-admin'] }));
        expectForbidden(await call(t.app, s, 'PATCH', `${USERS}/${p.users.acc!.id}`, { roles: ['account-admin', 'global-admin'] }));
        assert.deepEqual((await userRow(p.users.other!.id))?.roles, ['user']);
        assert.deepEqual((await userRow(p.users.acc!.id))?.roles, ['account-admin']);
        const boss = await t.database.db.selectFrom('users').select('id').where('username', '=', `boss@${p.domain}`).execute();
        assert.equal(boss.length, 0);
      });

      it('an account-admin cannot change or remove a global admin', async () => {
        const p = await partner();
        const s = await signIn(t.app, p.users.acc!.username);
        const global = p.users.global!;
        expectForbidden(await call(t.app, s, 'PATCH', `${USERS}/${global.id}`, { roles: ['user'] }));
        expectForbidden(await call(t.app, s, 'PATCH', `${USERS}/${global.id}`, { displayName: 'Renamed' }));
        expectForbidden(await call(t.app, s, 'DELETE', `${USERS}/${global.id}`));
        const row = await userRow(global.id);
        assert.deepEqual(row?.roles, ['global-admin']);
        assert.equal(row?.display_name, 'global');
      });

      it('an account-admin may manage other non-global users, including another account-admin', async () => {
        const p = await partner();
        const s = await signIn(t.app, p.users.acc!.username);
        const promoted = await call(t.app, s, 'PATCH', `${USERS}/${p.users.other!.id}`, { roles: ['mpn-partner-admin', 'admin-agent'] });
        assert.equal(promoted.statusCode, 200, promoted.body);
        assert.deepEqual(promoted.json<UserBody>().roles, ['mpn-partner-admin', 'admin-agent']);
        const peer = await call(t.app, s, 'PATCH', `${USERS}/${p.users.peer!.id}`, { roles: ['user'] });
        assert.equal(peer.statusCode, 200, peer.body);
        assert.equal((await call(t.app, s, 'DELETE', `${USERS}/${p.users.peer!.id}`)).statusCode, 204);
      });

      it('a global-admin can grant global-admin, and change and remove another global admin', async () => {
        const p = await createPartner(t, { global: ['global-admin'], second: ['global-admin'], other: ['user'] });
        const s = await signIn(t.app, p.users.global!.username);
        const created = await call(t.app, s, 'POST', USERS, newUser(p, 'boss', ['global-admin']));
        assert.equal(created.statusCode, 201, created.body);
        assert.deepEqual(created.json<UserBody>().roles, ['global-admin']);
        const granted = await call(t.app, s, 'PATCH', `${USERS}/${p.users.other!.id}`, { roles: ['global-admin'] });
        assert.equal(granted.statusCode, 200, granted.body);
        const demoted = await call(t.app, s, 'PATCH', `${USERS}/${p.users.second!.id}`, { roles: ['account-admin'] });
        assert.equal(demoted.statusCode, 200, demoted.body);
        assert.deepEqual((await userRow(p.users.second!.id))?.roles, ['account-admin']);
        const removed = await call(t.app, s, 'DELETE', `${USERS}/${created.json<UserBody>().id}`);
        assert.equal(removed.statusCode, 204);
      });
    });

    describe('self-protection and validation', () => {
      it('an admin cannot remove itself: 409 CANNOT_REMOVE_SELF', async () => {
        for (const role of ADMIN_ROLES) {
          const p = await createPartner(t, { me: [role] });
          const s = await signIn(t.app, p.users.me!.username);
          const response = await call(t.app, s, 'DELETE', `${USERS}/${p.users.me!.id}`);
          assert.equal(response.statusCode, 409, response.body);
          assert.equal(errorOf(response).code, 'CANNOT_REMOVE_SELF');
          assert.ok(await userRow(p.users.me!.id));
          assert.equal((await call(t.app, s, 'GET', '/api/v1/me')).statusCode, 200);
        }
      });

      it('an admin cannot drop its own admin roles: 422 CANNOT_DEMOTE_SELF', async () => {
        for (const [role, to] of [
          ['global-admin', ['mpn-partner-admin']],
          ['account-admin', ['user']],
          ['global-admin', []],
        ] as [Role, Role[]][]) {
          const p = await createPartner(t, { me: [role] });
          const s = await signIn(t.app, p.users.me!.username);
          const response = await call(t.app, s, 'PATCH', `${USERS}/${p.users.me!.id}`, { roles: to });
          assert.equal(response.statusCode, 422, response.body);
          assert.equal(errorOf(response).code, 'VALIDATION_FAILED');
          assert.equal(errorOf(response).fields?.roles?.code, 'CANNOT_DEMOTE_SELF');
          assert.deepEqual((await userRow(p.users.me!.id))?.roles, [role]);
        }
      });

      it('an admin may change its own roles while keeping one admin role, and its own name', async () => {
        const p = await createPartner(t, { me: ['global-admin', 'account-admin'] });
        const s = await signIn(t.app, p.users.me!.username);
        const response = await call(t.app, s, 'PATCH', `${USERS}/${p.users.me!.id}`, { roles: ['account-admin', 'mpn-partner-admin'], displayName: 'Me Myself' });
        assert.equal(response.statusCode, 200, response.body);
        assert.deepEqual(response.json<UserBody>().roles, ['account-admin', 'mpn-partner-admin']);
        assert.equal(response.json<UserBody>().displayName, 'Me Myself');
      });

      it('a removed user can no longer sign in, and its open session ends', async () => {
        const p = await createPartner(t, { admin: ['global-admin'], leaver: ['mpn-partner-admin'] });
        const leaver = await signIn(t.app, p.users.leaver!.username);
        const admin = await signIn(t.app, p.users.admin!.username);
        assert.equal((await call(t.app, admin, 'DELETE', `${USERS}/${p.users.leaver!.id}`)).statusCode, 204);

        const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: p.users.leaver!.username, password: PASSWORD } });
        assert.equal(again.statusCode, 401);
        assert.equal(errorOf(again).code, 'INVALID_CREDENTIALS');
        assert.equal((await call(t.app, leaver, 'GET', '/api/v1/me')).statusCode, 401);
        assert.ok(!(await list(admin)).some((u) => u.id === p.users.leaver!.id));
        const removedTwice = await call(t.app, admin, 'DELETE', `${USERS}/${p.users.leaver!.id}`);
        assert.equal(removedTwice.statusCode, 404);
      });

      it('role changes take effect on the open session of the changed user', async () => {
        const p = await createPartner(t, { admin: ['global-admin'], mia: ['user'] });
        const mia = await signIn(t.app, p.users.mia!.username);
        const admin = await signIn(t.app, p.users.admin!.username);
        assert.equal((await call(t.app, admin, 'PATCH', `${USERS}/${p.users.mia!.id}`, { roles: ['mpn-partner-admin'] })).statusCode, 200);
        const me = (await call(t.app, mia, 'GET', '/api/v1/me')).json<{ navigation: { marketplaceRewards: boolean } }>();
        assert.equal(me.navigation.marketplaceRewards, true);
      });

      it('PATCH with {} is 422 NOTHING_TO_CHANGE; unknown fields (e.g. username, password) are FIELD_UNKNOWN', async () => {
        const p = await createPartner(t, { admin: ['global-admin'], mia: ['user'] });
        const s = await signIn(t.app, p.users.admin!.username);
        const empty = await call(t.app, s, 'PATCH', `${USERS}/${p.users.mia!.id}`, {});
        assert.equal(empty.statusCode, 422, empty.body);
        assert.equal(errorOf(empty).code, 'VALIDATION_FAILED');
        assert.equal(errorOf(empty).fields?._?.code, 'NOTHING_TO_CHANGE');

        const unknown = await call(t.app, s, 'PATCH', `${USERS}/${p.users.mia!.id}`, { username: `boss@${p.domain}`, password: 'new password 123' });
        assert.equal(unknown.statusCode, 422);
        assert.equal(errorOf(unknown).fields?.username?.code, 'FIELD_UNKNOWN');
        assert.equal(errorOf(unknown).fields?.password?.code, 'FIELD_UNKNOWN');

        const badRole = await call(t.app, s, 'PATCH', `${USERS}/${p.users.mia!.id}`, { roles: ['root'] });
        assert.equal(badRole.statusCode, 422);
        assert.equal(errorOf(badRole).fields?.roles?.code, 'VALUE_NOT_ALLOWED');
        const badEmail = await call(t.app, s, 'PATCH', `${USERS}/${p.users.mia!.id}`, { email: 'nope' });
        assert.equal(errorOf(badEmail).fields?.email?.code, 'EMAIL_INVALID');
        const blankName = await call(t.app, s, 'PATCH', `${USERS}/${p.users.mia!.id}`, { displayName: '   ' });
        assert.equal(blankName.statusCode, 422, blankName.body);

        const badId = await call(t.app, s, 'PATCH', `${USERS}/not-a-uuid`, { roles: ['user'] });
        assert.equal(badId.statusCode, 422);
        assert.ok(errorOf(badId).fields?.id);
        const row = await userRow(p.users.mia!.id);
        assert.deepEqual(row?.roles, ['user']);
        assert.equal(row?.username, p.users.mia!.username);
      });

      it('adding a user whose name is taken is 409 USERNAME_TAKEN; a short password is 422 TOO_SHORT', async () => {
        const p = await createPartner(t, { admin: ['global-admin'], mia: ['user'] });
        const s = await signIn(t.app, p.users.admin!.username);
        const taken = await call(t.app, s, 'POST', USERS, newUser(p, 'MIA'));
        assert.equal(taken.statusCode, 409, taken.body);
        assert.equal(errorOf(taken).code, 'USERNAME_TAKEN');
        const short = await call(t.app, s, 'POST', USERS, { ...newUser(p, 'neo'), password: 'short' });
        assert.equal(short.statusCode, 422);
        assert.equal(errorOf(short).fields?.password?.code, 'TOO_SHORT');
      });

      it('changes and removals are audited with the actor, without passwords', async () => {
        const p: PartnerFixture = await createPartner(t, { admin: ['global-admin'], mia: ['user'] });
        const s = await signIn(t.app, p.users.admin!.username);
        const added = await call(t.app, s, 'POST', USERS, newUser(p, 'zed'));
        assert.equal(added.statusCode, 201);
        assert.equal((await call(t.app, s, 'PATCH', `${USERS}/${p.users.mia!.id}`, { roles: ['admin-agent'] })).statusCode, 200);
        assert.equal((await call(t.app, s, 'DELETE', `${USERS}/${p.users.mia!.id}`)).statusCode, 204);
        const rows = await t.database.db
          .selectFrom('audit_events')
          .selectAll()
          .where('partner_account_id', '=', p.accountId)
          .where('actor_id', '=', p.users.admin!.id)
          .where('action', 'like', 'user.%')
          .orderBy('occurred_at')
          .execute();
        assert.deepEqual(rows.map((r) => r.action), ['user.created', 'user.updated', 'user.removed']);
        assert.deepEqual(rows.map((r) => r.subject_id), [added.json<UserBody>().id, p.users.mia!.id, p.users.mia!.id]);
        assert.ok(rows.every((r) => !JSON.stringify(r).includes(PASSWORD)));
      });
    });
  });
}
