import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activate, contactBody, createSalesPartner, putContact } from './benefits-helpers.ts';
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
  type MeBody,
  type TestApp,
} from './helpers.ts';
import { ASSOCIATION_ENV, WRONG } from './tenant-association-helpers.ts';

// Tenant association, part 4: what an association grants, and what it must not. The seed's rule
// stays (the credentials of any user of a tenant associate it), but the associating account's admins
// never reach that tenant's Global admins, nor its own users' names, emails or passwords, and removing
// the association hands the tenant back as it was. Also: association is no password oracle.

interface AccountUser {
  id: string;
  tenantId: string;
  username: string;
  roles: string[];
  addedByAccount: boolean;
  abilities: { update: boolean; changeRoles: boolean; grantableRoles: string[]; resetPassword: boolean; remove: boolean };
}

const SIGN_IN_MAX = 4;

for (const engine of engines()) {
  describe(`tenant association: what it grants (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { ...ASSOCIATION_ENV, ASSOCIATION_MAX_ATTEMPTS: '20', SIGN_IN_MAX_FAILURES: String(SIGN_IN_MAX) });
    });
    after(async () => t.close());

    const usersOf = async (session: Awaited<ReturnType<typeof signIn>>) => {
      const response = await call(t.app, session, 'GET', '/api/v1/account/users');
      assert.equal(response.statusCode, 200, response.body);
      return response.json<{ items: AccountUser[] }>().items;
    };

    it("the takeover path, step by step: another tenant's Global admin stays out of reach, and removal undoes every grant", async () => {
      // The real owner's tenant: a Global admin and a plain user. Account A associates it with the plain user's password.
      const owned = await createFreeTenant(t, { owner: ['global-admin'], mia: ['user'] });
      const a = await createPartner(t, { admin: ['global-admin'] });
      const admin = await signIn(t.app, a.users.admin!.username);
      assert.equal((await associate(t.app, admin, owned.users.mia!.username)).statusCode, 201);

      const listed = await usersOf(admin);
      const owner = listed.find((u) => u.id === owned.users.owner!.id)!;
      assert.deepEqual(owner.abilities, { update: false, changeRoles: true, grantableRoles: ['account-admin', 'mpn-partner-admin', 'admin-agent'], resetPassword: false, remove: false });
      const mia = listed.find((u) => u.id === owned.users.mia!.id)!;
      assert.equal(mia.abilities.update, false, "another tenant's own user: not the account's to rename");
      assert.ok(!mia.abilities.grantableRoles.includes('global-admin'));

      const refused = async (method: string, url: string, body?: unknown) => {
        const response = await call(t.app, admin, method as 'PATCH', url, body);
        assert.equal(response.statusCode, 403, `${method} ${url} ${JSON.stringify(body)}: ${response.body}`);
        return errorOf(response);
      };
      const ownerUrl = `/api/v1/account/users/${owned.users.owner!.id}`;
      const miaUrl = `/api/v1/account/users/${owned.users.mia!.id}`;
      // Their Global admin: neither demoted, nor renamed, nor re-addressed, nor given a new password, nor removed.
      await refused('PATCH', ownerUrl, { roles: ['account-admin'] });
      await refused('PATCH', ownerUrl, { email: 'attacker@evil.example' });
      await refused('PATCH', ownerUrl, { displayName: 'Someone else' });
      await refused('POST', `${ownerUrl}/password`, { password: 'a brand new passphrase' });
      await refused('DELETE', ownerUrl);
      // Their plain user: not made a Global admin, not re-addressed, no new password.
      assert.equal((await refused('PATCH', miaUrl, { roles: ['global-admin'] })).message.length > 0, true);
      assert.equal((await refused('PATCH', miaUrl, { email: 'attacker@evil.example' })).code, 'FORBIDDEN');
      await refused('POST', `${miaUrl}/password`, { password: 'a brand new passphrase' });
      // No Global admin planted there either.
      await refused('POST', '/api/v1/account/users', {
        tenantId: owned.tenantId,
        username: 'planted',
        displayName: 'Planted',
        email: 'planted@evil.example',
        password: PASSWORD,
        roles: ['global-admin'],
      });
      const nothingChanged = (await usersOf(admin)).find((u) => u.id === owned.users.owner!.id)!;
      assert.deepEqual(nothingChanged.roles, ['global-admin']);

      // What the account may do there: its own roles, and users of its own making.
      const granted = await call(t.app, admin, 'PATCH', miaUrl, { roles: ['account-admin'] });
      assert.equal(granted.statusCode, 200, granted.body);
      const alsoOwner = await call(t.app, admin, 'PATCH', ownerUrl, { roles: ['global-admin', 'mpn-partner-admin'] });
      assert.equal(alsoOwner.statusCode, 200, 'adding an account role to their Global admin keeps Global admin');
      const planted = await call(t.app, admin, 'POST', '/api/v1/account/users', {
        tenantId: owned.tenantId,
        username: 'planted',
        displayName: 'Planted',
        email: 'planted@evil.example',
        password: PASSWORD,
        roles: ['account-admin'],
      });
      assert.equal(planted.statusCode, 201, planted.body);
      const plantedUser = planted.json<AccountUser>();
      assert.equal(plantedUser.addedByAccount, true);
      assert.equal(plantedUser.abilities.update, true, 'a user the account made is the account to manage');
      const plantedSession = await signIn(t.app, plantedUser.username);
      const ownerSession = await signIn(t.app, owned.users.owner!.username);

      // The association ends: the planted user goes, every grant is undone, every session of the tenant ends.
      assert.equal((await call(t.app, admin, 'DELETE', `/api/v1/account/tenants/${owned.tenantId}`)).statusCode, 204);
      assert.equal((await call(t.app, plantedSession, 'GET', '/api/v1/me')).statusCode, 401);
      assert.equal((await call(t.app, ownerSession, 'GET', '/api/v1/me')).statusCode, 401);
      const gone = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: plantedUser.username, password: PASSWORD } });
      assert.equal(gone.statusCode, 401, 'the planted user no longer exists');
      const rows = await t.database.db.selectFrom('users').select(['id', 'roles']).where('tenant_id', '=', owned.tenantId).orderBy('username').execute();
      assert.deepEqual(
        rows.map((r) => [r.id, r.roles]),
        [
          [owned.users.mia!.id, ['user']],
          [owned.users.owner!.id, ['global-admin']],
        ],
      );

      // The real owner associates their tenant with their own account: it arrives as it was, nobody planted.
      const b = await createPartner(t, { boss: ['global-admin'] });
      const boss = await signIn(t.app, b.users.boss!.username);
      assert.equal((await associate(t.app, boss, owned.users.owner!.username)).statusCode, 201);
      const inB = (await usersOf(boss)).filter((u) => u.tenantId === owned.tenantId);
      assert.deepEqual(
        inB.map((u) => [u.username, u.roles]).sort(),
        [
          [owned.users.mia!.username, ['user']],
          [owned.users.owner!.username, ['global-admin']],
        ].sort(),
      );
      // And the owner, a Global admin of their own tenant, still manages it fully from B.
      const owner2 = await signIn(t.app, owned.users.owner!.username);
      const own = (await usersOf(owner2)).find((u) => u.id === owned.users.mia!.id)!;
      assert.deepEqual(own.abilities.grantableRoles, ['global-admin', 'account-admin', 'mpn-partner-admin', 'admin-agent']);
      assert.equal(own.abilities.update, true);
      const promoted = await call(t.app, owner2, 'PATCH', `/api/v1/account/users/${owned.users.mia!.id}`, { roles: ['global-admin'] });
      assert.equal(promoted.statusCode, 200, promoted.body);
      // What the tenant's own Global admin gives is the tenant's: it survives the next removal.
      assert.equal((await call(t.app, boss, 'DELETE', `/api/v1/account/tenants/${owned.tenantId}`)).statusCode, 204);
      const after = await t.database.db.selectFrom('users').select('roles').where('id', '=', owned.users.mia!.id).executeTakeFirstOrThrow();
      assert.deepEqual(after.roles, ['global-admin']);
    });

    it('the primary tenant keeps its rules: its Global admin manages its own users fully, an account admin not a Global admin', async () => {
      const a = await createPartner(t, { admin: ['global-admin'], keeper: ['account-admin'], ann: ['user'] });
      const keeper = await signIn(t.app, a.users.keeper!.username);
      const ann = (await usersOf(keeper)).find((u) => u.id === a.users.ann!.id)!;
      assert.deepEqual(ann.abilities.grantableRoles, ['account-admin', 'mpn-partner-admin', 'admin-agent']);
      const adminRow = (await usersOf(keeper)).find((u) => u.id === a.users.admin!.id)!;
      assert.equal(adminRow.abilities.changeRoles, false);
      assert.equal((await call(t.app, keeper, 'PATCH', `/api/v1/account/users/${a.users.ann!.id}`, { roles: ['global-admin'] })).statusCode, 403);
      const admin = await signIn(t.app, a.users.admin!.username);
      assert.equal((await call(t.app, admin, 'PATCH', `/api/v1/account/users/${a.users.ann!.id}`, { roles: ['global-admin'] })).statusCode, 200);
    });

    it("a marketing contact who leaves with their tenant is flagged for reassignment, and activation waits for a new one", async () => {
      const p = await createSalesPartner(t, { admin: ['global-admin'] });
      const other = await createFreeTenant(t, { carla: ['user'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      assert.equal((await associate(t.app, admin, other.users.carla!.username)).statusCode, 201);
      const assigned = await putContact(t.app, admin, contactBody({ ...p, users: { ...p.users, carla: other.users.carla! } }, 'carla'));
      assert.equal(assigned.statusCode, 200, assigned.body);
      assert.equal(assigned.json<{ needsReassignment: boolean }>().needsReassignment, false);

      assert.equal((await call(t.app, admin, 'DELETE', `/api/v1/account/tenants/${other.tenantId}`)).statusCode, 204);
      const contact = (await call(t.app, admin, 'GET', '/api/v1/rewards/marketing-contact')).json<{ contact: { userId: string | null; needsReassignment: boolean } }>().contact;
      assert.equal(contact.needsReassignment, true);
      assert.equal(contact.userId, null);
      const refused = await activate(t.app, admin, p.salesBenefitId);
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(errorOf(refused).code, 'MARKETING_CONTACT_REQUIRED');
      assert.match(errorOf(refused).message, /no longer a user/);
      assert.equal(await t.database.db.selectFrom('activations').select('id').where('partner_account_id', '=', p.accountId).executeTakeFirst(), undefined);

      const reassigned = await putContact(t.app, admin, contactBody(p, 'admin', { email: `admin.marketing@mail.${p.domain}` }));
      assert.equal(reassigned.statusCode, 200, reassigned.body);
      assert.equal((await activate(t.app, admin, p.salesBenefitId)).statusCode, 201);
    });

    describe('no password oracle', () => {
      it("association attempts count towards the name's sign-in lockout, and a locked-out name is refused before its password is checked", async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const admin = await signIn(t.app, a.users.admin!.username);
        for (let i = 0; i < SIGN_IN_MAX; i += 1) {
          assert.equal((await associate(t.app, admin, other.users.mia!.username, WRONG)).statusCode, 401);
        }
        // Mia's own sign-in, with the right password, is now locked: the guesses through association counted.
        const signInLocked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: other.users.mia!.username, password: PASSWORD } });
        assert.equal(signInLocked.statusCode, 429, signInLocked.body);
        // And association with the right password answers the same 429: nothing tells whether it was right.
        const right = await associate(t.app, admin, other.users.mia!.username);
        const wrong = await associate(t.app, admin, other.users.mia!.username, WRONG);
        assert.equal(right.statusCode, 429);
        assert.equal(wrong.statusCode, 429);
        assert.equal(errorOf(right).code, errorOf(wrong).code);
        const owner = await t.database.db.selectFrom('tenants').select('partner_account_id').where('id', '=', other.tenantId).executeTakeFirstOrThrow();
        assert.equal(owner.partner_account_id, null);
      });

      describe('with a small association limit', () => {
        let t2: TestApp;
        before(async () => {
          t2 = await startTestApp(engine, { ASSOCIATION_MAX_ATTEMPTS: '3', SIGN_IN_MAX_FAILURES: '100' });
        });
        after(async () => t2.close());

        it('a right password against a taken tenant (409) counts towards the limits like a wrong one', async () => {
          const a = await createPartner(t2, { admin: ['global-admin'] });
          const b = await createPartner(t2, { admin: ['global-admin'] });
          const admin = await signIn(t2.app, a.users.admin!.username);
          const statuses: number[] = [];
          for (let i = 0; i < 5; i += 1) statuses.push((await associate(t2.app, admin, b.users.admin!.username)).statusCode);
          assert.deepEqual(statuses, [409, 409, 409, 429, 429]);
          const attempts = await t2.database.db.selectFrom('association_attempts').select('id').where('partner_account_id', '=', a.accountId).execute();
          assert.equal(attempts.length, 3, 'the three answered attempts are counted; the refused ones are not');
        });
      });
    });

    it('a session begun in an association ends with it, and a later association does not bring it back', async () => {
      const a = await createPartner(t, { admin: ['global-admin'] });
      const other = await createFreeTenant(t, { mia: ['mpn-partner-admin'] });
      const admin = await signIn(t.app, a.users.admin!.username);
      assert.equal((await associate(t.app, admin, other.users.mia!.username)).statusCode, 201);
      const mia = await signIn(t.app, other.users.mia!.username);
      assert.equal((mia.body as unknown as MeBody).partnerAccount?.id, a.accountId);
      assert.equal((await call(t.app, admin, 'DELETE', `/api/v1/account/tenants/${other.tenantId}`)).statusCode, 204);
      // Associated again, by the same account: the old session stays ended.
      assert.equal((await associate(t.app, admin, other.users.mia!.username)).statusCode, 201);
      assert.equal((await call(t.app, mia, 'GET', '/api/v1/me')).statusCode, 401);
      const live = await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', other.users.mia!.id).where('revoked_at', 'is', null).execute();
      assert.deepEqual(live, [], 'the ended session is revoked, not only refused');
    });
  });
}
