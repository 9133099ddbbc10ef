import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as translate } from '../src/platform/i18n/i18n.ts';
import { associate, call, createFreeTenant, createPartner, engines, errorOf, PASSWORD, signIn, startTestApp, type TestApp } from './helpers.ts';
import { ASSOCIATION_ENV, associationQueries, LOCKOUT_MINUTES, MAX_ATTEMPTS, WRONG } from './tenant-association-helpers.ts';

// Tenant association, part 3: the failure limit per account and per target
// tenant, the lockout, and the audit trail of every attempt. Associating and
// removing are in tenant-association-associate.test.ts and
// tenant-association-remove.test.ts.

for (const engine of engines()) {
  describe(`tenant association (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, ASSOCIATION_ENV);
    });
    after(async () => t.close());

    const { ownerOf, attemptsOf, auditOf } = associationQueries(() => t);

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

      it(`after ${MAX_ATTEMPTS} failures the next attempt, even with correct credentials, is 429 with Retry-After`, async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const s = await signIn(t.app, a.users.admin!.username);
        await fail(s, other.users.mia!.username, MAX_ATTEMPTS);

        const blocked = await associate(t.app, s, other.users.mia!.username, PASSWORD);
        const seconds = assertBlocked(blocked);
        assert.ok(seconds > (LOCKOUT_MINUTES - 1) * 60, 'the lockout has only just begun');
        assert.equal(errorOf(blocked).message, translate('en-US', 'error.TOO_MANY_ATTEMPTS', { minutes: LOCKOUT_MINUTES }));
        assert.equal(await ownerOf(other.tenantId), null, 'nothing is associated');
        assert.equal(await attemptsOf('partner_account_id', a.accountId), MAX_ATTEMPTS, 'a refused attempt is not a failure');

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
        await fail(sa, 'who@unknown-domain.example', MAX_ATTEMPTS);

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
        await fail(sa, target.users.mia!.username, MAX_ATTEMPTS - 1);
        await fail(sb, target.users.mia!.username, 1);
        // Neither account has reached its own limit; the tenant has.
        assert.equal(await attemptsOf('partner_account_id', a.accountId), MAX_ATTEMPTS - 1);
        assert.equal(await attemptsOf('partner_account_id', b.accountId), 1);

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
        await fail(s, other.users.mia!.username, MAX_ATTEMPTS);
        assertBlocked(await associate(t.app, s, other.users.mia!.username));

        await t.database.db
          .updateTable('association_attempts')
          .set({ attempted_at: new Date(Date.now() - (LOCKOUT_MINUTES + 1) * 60_000) })
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
        await fail(s, other.users.mia!.username, MAX_ATTEMPTS);
        await t.database.db
          .updateTable('association_attempts')
          .set({ attempted_at: new Date(Date.now() - 10 * 60_000) })
          .where('partner_account_id', '=', a.accountId)
          .execute();
        const seconds = assertBlocked(await associate(t.app, s, other.users.mia!.username));
        assert.ok(seconds <= (LOCKOUT_MINUTES - 10) * 60 && seconds > (LOCKOUT_MINUTES - 11) * 60, `Retry-After ${seconds}`);
      });

      it(`10 concurrent wrong attempts check no more than ${MAX_ATTEMPTS}: exactly ${MAX_ATTEMPTS} failures are recorded`, async () => {
        const a = await createPartner(t, { admin: ['global-admin'] });
        const other = await createFreeTenant(t, { mia: ['user'] });
        const s = await signIn(t.app, a.users.admin!.username);
        const responses = await Promise.all(
          Array.from({ length: 10 }, () => associate(t.app, s, other.users.mia!.username, WRONG)),
        );
        const statuses = responses.map((r) => r.statusCode).sort();
        assert.deepEqual(statuses, [...Array<number>(MAX_ATTEMPTS).fill(401), ...Array<number>(10 - MAX_ATTEMPTS).fill(429)]);
        assert.equal(await attemptsOf('partner_account_id', a.accountId), MAX_ATTEMPTS);
        assert.equal(await attemptsOf('target_tenant_id', other.tenantId), MAX_ATTEMPTS);
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
        assert.equal(responses.filter((r) => r.statusCode === 401).length, MAX_ATTEMPTS);
        assert.equal(responses.filter((r) => r.statusCode === 429).length, 10 - MAX_ATTEMPTS);
        assert.equal(await attemptsOf('target_tenant_id', target.tenantId), MAX_ATTEMPTS);
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
        for (let i = 0; i < MAX_ATTEMPTS; i += 1) await associate(t.app, s, second.users.mia!.username, WRONG);
        assert.equal((await associate(t.app, s, second.users.mia!.username)).statusCode, 429);
        const rows = (await auditOf(a.accountId)).filter((r) => r.action.startsWith('tenant.association'));
        assert.equal(rows.filter((r) => r.action === 'tenant.association-failed').length, MAX_ATTEMPTS);
        const refused = rows.filter((r) => r.action === 'tenant.association-refused');
        assert.equal(refused.length, 1);
        assert.equal((refused[0]!.details as { reason: string }).reason, 'TOO_MANY_ATTEMPTS');
      });
    });
  });
}
