import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as translate } from '../src/platform/i18n/i18n.ts';
import type { Role } from '../src/platform/db/schema.ts';
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

interface TenantBody {
  id: string;
  domain: string;
  displayName: string;
  isPrimary: boolean;
  associatedAt: string | null;
}

const MAX_FAILURES = 3;
const LOCKOUT_MINUTES = 15;
const WRONG = 'definitely-not-it-42';

for (const engine of engines()) {
  describe(`tenant association (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, {
        ASSOCIATION_MAX_FAILURES: String(MAX_FAILURES),
        ASSOCIATION_LOCKOUT_MINUTES: String(LOCKOUT_MINUTES),
      });
    });
    after(async () => t.close());

    const ownerOf = async (tenantId: string) =>
      (await t.database.db.selectFrom('tenants').select('partner_account_id').where('id', '=', tenantId).executeTakeFirstOrThrow())
        .partner_account_id;
    const failuresOf = async (column: 'partner_account_id' | 'target_tenant_id', id: string) =>
      (await t.database.db.selectFrom('association_failures').select('id').where(column, '=', id).execute()).length;
    const auditOf = (accountId: string) =>
      t.database.db.selectFrom('audit_events').selectAll().where('partner_account_id', '=', accountId).orderBy('occurred_at').execute();

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
        const oldSession = (await call(t.app, miaBefore, 'GET', '/api/v1/me')).json<MeBody>();
        assert.equal(oldSession.partnerAccount?.id, a.accountId, 'an existing session follows the association');
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

    describe('rate limit', () => {
      const fail = async (s: Awaited<ReturnType<typeof signIn>>, username: string, times: number) => {
        for (let i = 0; i < times; i += 1) {
          const response = await associate(t.app, s, username, WRONG);
          assert.equal(response.statusCode, 401, response.body);
        }
      };
      const assertBlocked = (response: Awaited<ReturnType<typeof associate>>) => {
        assert.equal(response.statusCode, 429, response.body);
        assert.equal(errorOf(response).code, 'TOO_MANY_ATTEMPTS');
        const retryAfter = String(response.headers['retry-after']);
        assert.match(retryAfter, /^\d+$/);
        assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= LOCKOUT_MINUTES * 60, `Retry-After ${retryAfter}`);
        return Number(retryAfter);
      };

      it(`after ${MAX_FAILURES} failures the next attempt, even with correct credentials, is 429 with Retry-After`, async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const s = await signIn(t.app, a.users.admin!.username);
        await fail(s, other.users.mia!.username, MAX_FAILURES);

        const blocked = await associate(t.app, s, other.users.mia!.username, PASSWORD);
        const seconds = assertBlocked(blocked);
        assert.ok(seconds > (LOCKOUT_MINUTES - 1) * 60, 'the lockout has only just begun');
        assert.equal(errorOf(blocked).message, translate('en-US', 'error.TOO_MANY_ATTEMPTS', { minutes: LOCKOUT_MINUTES }));
        assert.equal(await ownerOf(other.tenantId), null, 'nothing is associated');
        assert.equal(await failuresOf('partner_account_id', a.accountId), MAX_FAILURES, 'a refused attempt is not a failure');

        const dutch = await call(t.app, s, 'POST', '/api/v1/account/tenants', { username: other.users.mia!.username, password: PASSWORD }, { 'accept-language': 'nl' });
        assertBlocked(dutch);
        assert.equal(errorOf(dutch).message, translate('nl-NL', 'error.TOO_MANY_ATTEMPTS', { minutes: LOCKOUT_MINUTES }));
      });

      it('the per-account limit blocks every target of that account, not other accounts', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const c = await createPartner(t, { admin: ['global-admin'] });
        const first = await createFreeTenant(t, { mia: ['user'] });
        const second = await createFreeTenant(t, { max: ['user'] });
        const sa = await signIn(t.app, a.users.admin!.username);
        await fail(sa, 'who@unknown-domain.example', MAX_FAILURES);

        assertBlocked(await associate(t.app, sa, first.users.mia!.username));
        assert.equal(await ownerOf(first.tenantId), null);

        const sc = await signIn(t.app, c.users.admin!.username);
        const fine = await associate(t.app, sc, second.users.max!.username);
        assert.equal(fine.statusCode, 201, fine.body);
      });

      it('the per-tenant limit holds across two partner accounts attacking the same tenant', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const b = await createPartner(t, { admin: ['global-admin'] });
        const target = await createFreeTenant(t, { mia: ['user'] });
        const sa = await signIn(t.app, a.users.admin!.username);
        const sb = await signIn(t.app, b.users.admin!.username);
        await fail(sa, target.users.mia!.username, MAX_FAILURES - 1);
        await fail(sb, target.users.mia!.username, 1);
        // Neither account has reached its own limit; the tenant has.
        assert.equal(await failuresOf('partner_account_id', a.accountId), MAX_FAILURES - 1);
        assert.equal(await failuresOf('partner_account_id', b.accountId), 1);

        assertBlocked(await associate(t.app, sa, target.users.mia!.username));
        assertBlocked(await associate(t.app, sb, target.users.mia!.username));
        assert.equal(await ownerOf(target.tenantId), null);

        // Account A may still associate a different tenant: only the target is locked.
        const elsewhere = await createFreeTenant(t, { max: ['user'] });
        assert.equal((await associate(t.app, sa, elsewhere.users.max!.username)).statusCode, 201);
      });

      it('the lockout expires, and then correct credentials work', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const s = await signIn(t.app, a.users.admin!.username);
        await fail(s, other.users.mia!.username, MAX_FAILURES);
        assertBlocked(await associate(t.app, s, other.users.mia!.username));

        await t.database.db
          .updateTable('association_failures')
          .set({ failed_at: new Date(Date.now() - (LOCKOUT_MINUTES + 1) * 60_000) })
          .where('partner_account_id', '=', a.accountId)
          .execute();
        const response = await associate(t.app, s, other.users.mia!.username);
        assert.equal(response.statusCode, 201, response.body);
        assert.equal(await ownerOf(other.tenantId), a.accountId);
      });

      it('a lockout that has partly run reports a shorter Retry-After', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const s = await signIn(t.app, a.users.admin!.username);
        await fail(s, other.users.mia!.username, MAX_FAILURES);
        await t.database.db
          .updateTable('association_failures')
          .set({ failed_at: new Date(Date.now() - 10 * 60_000) })
          .where('partner_account_id', '=', a.accountId)
          .execute();
        const seconds = assertBlocked(await associate(t.app, s, other.users.mia!.username));
        assert.ok(seconds <= (LOCKOUT_MINUTES - 10) * 60 && seconds > (LOCKOUT_MINUTES - 11) * 60, `Retry-After ${seconds}`);
      });

      it(`10 concurrent wrong attempts check no more than ${MAX_FAILURES}: exactly ${MAX_FAILURES} failures are recorded`, async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const s = await signIn(t.app, a.users.admin!.username);
        const responses = await Promise.all(
          Array.from({ length: 10 }, () => associate(t.app, s, other.users.mia!.username, WRONG)),
        );
        const statuses = responses.map((r) => r.statusCode).sort();
        assert.deepEqual(statuses, [...Array<number>(MAX_FAILURES).fill(401), ...Array<number>(10 - MAX_FAILURES).fill(429)]);
        assert.equal(await failuresOf('partner_account_id', a.accountId), MAX_FAILURES);
        assert.equal(await failuresOf('target_tenant_id', other.tenantId), MAX_FAILURES);
        assertBlocked(await associate(t.app, s, other.users.mia!.username));
      });

      it('concurrent attempts from two accounts on one tenant also stop at the limit', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const b = await createPartner(t, { admin: ['global-admin'] });
        const target = await createFreeTenant(t, { mia: ['user'] });
        const sa = await signIn(t.app, a.users.admin!.username);
        const sb = await signIn(t.app, b.users.admin!.username);
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) => associate(t.app, i % 2 ? sa : sb, target.users.mia!.username, WRONG)),
        );
        assert.equal(responses.filter((r) => r.statusCode === 401).length, MAX_FAILURES);
        assert.equal(responses.filter((r) => r.statusCode === 429).length, 10 - MAX_FAILURES);
        assert.equal(await failuresOf('target_tenant_id', target.tenantId), MAX_FAILURES);
      });
    });

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
        const stale = (await call(t.app, miaSession, 'GET', '/api/v1/me')).json<MeBody>();
        assert.equal(stale.partnerAccount, null, 'an existing session loses the account at once');
        assert.equal(stale.navigation.marketplaceRewards, false);

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

    describe('audit', () => {
      it('every association, removal and failed or refused attempt is audited, and no audit row holds a password', async () => {
        const a = await createPartner(t, { admin: ['global-admin'], agent: ['admin-agent'] });
        const second = await createFreeTenant(t, { mia: ['user'] });
        const admin = await signIn(t.app, a.users.admin!.username);
        const agent = await signIn(t.app, a.users.agent!.username);

        assert.equal((await associate(t.app, admin, second.users.mia!.username, WRONG)).statusCode, 401);
        assert.equal((await associate(t.app, admin, 'ghost@nowhere.example', WRONG)).statusCode, 401);
        assert.equal((await associate(t.app, agent, second.users.mia!.username)).statusCode, 403);
        assert.equal((await associate(t.app, admin, second.users.mia!.username)).statusCode, 201);
        assert.equal((await associate(t.app, admin, second.users.mia!.username)).statusCode, 409);
        assert.equal((await call(t.app, admin, 'DELETE', `/api/v1/account/tenants/${second.tenantId}`)).statusCode, 204);

        const rows = await auditOf(a.accountId);
        const actions = rows.map((r) => r.action).filter((action) => action.startsWith('tenant.'));
        assert.deepEqual(actions, [
          'tenant.association-failed',
          'tenant.association-failed',
          'tenant.association-refused',
          'tenant.associated',
          'tenant.association-refused',
          'tenant.removed',
        ]);
        const associated = rows.find((r) => r.action === 'tenant.associated')!;
        assert.equal(associated.subject_id, second.tenantId);
        assert.equal(associated.actor_type, 'user');
        assert.equal(associated.actor_id, a.users.admin!.id);
        const failed = rows.filter((r) => r.action === 'tenant.association-failed');
        assert.equal(failed[0]!.subject_id, second.tenantId);
        assert.equal(failed[1]!.subject_id, null, 'an unknown domain has no subject');
        const removed = rows.find((r) => r.action === 'tenant.removed')!;
        assert.equal(removed.subject_id, second.tenantId);
        assert.ok(rows.every((r) => r.request_id), 'each row names its request');

        const everything = await t.database.db.selectFrom('audit_events').selectAll().execute();
        for (const row of everything) {
          const text = JSON.stringify(row);
          assert.ok(!text.includes(PASSWORD), `audit ${row.action} holds the password`);
          assert.ok(!text.includes(WRONG), `audit ${row.action} holds the tried password`);
        }
      });

      it('a blocked attempt is audited as refused', async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const second = await createFreeTenant(t, { mia: ['user'] });
        const s = await signIn(t.app, a.users.admin!.username);
        for (let i = 0; i < MAX_FAILURES; i += 1) await associate(t.app, s, second.users.mia!.username, WRONG);
        assert.equal((await associate(t.app, s, second.users.mia!.username)).statusCode, 429);
        const rows = (await auditOf(a.accountId)).filter((r) => r.action.startsWith('tenant.association'));
        assert.equal(rows.filter((r) => r.action === 'tenant.association-failed').length, MAX_FAILURES);
        const refused = rows.filter((r) => r.action === 'tenant.association-refused');
        assert.equal(refused.length, 1);
        assert.equal((refused[0]!.details as { reason: string }).reason, 'TOO_MANY_ATTEMPTS');
      });
    });
  });
}
