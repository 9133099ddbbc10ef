import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createOperatorToken } from '../src/modules/identity/identity.service.ts';
import { call, createPartner, createTenant, engines, errorOf, signIn, startTestApp, testClock, unique, type TestApp } from './helpers.ts';

// Creating POSTs take an Idempotency-Key (issue #10, section 5): a retry with the same key and request
// gets the first answer back and creates nothing; the key is the caller's own, kept 24 hours.

for (const engine of engines()) {
  describe(`Idempotency-Key on creating requests (${engine.name})`, () => {
    let t: TestApp;
    const clock = testClock();
    before(async () => {
      t = await startTestApp(engine, {}, { clock });
    });
    afterEach(() => clock.reset());
    after(async () => t.close());

    const post = (url: string, payload: object, key?: string, token = t.operatorToken, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}), ...headers } });
    const tenantsWithDomain = async (domain: string) =>
      (await t.database.db.selectFrom('tenants').select('id').where('domain', '=', domain).execute()).length;
    const replayed = (response: LightMyRequestResponse) => response.headers['idempotent-replayed'] === 'true';

    it('a retry with the same key gets the first answer, byte for byte, and creates nothing more', async () => {
      const domain = `${unique('idem')}.example`;
      const key = randomUUID();
      const first = await post('/api/v1/ops/tenants', { domain, displayName: 'Idem' }, key);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(replayed(first), false);
      const again = await post('/api/v1/ops/tenants', { displayName: 'Idem', domain }, key);
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.body, first.body, 'the same bytes (the order of the fields sent does not matter)');
      assert.ok(replayed(again));
      assert.match(String(again.headers['content-type']), /^application\/json/);
      assert.equal(await tenantsWithDomain(domain), 1);
      const audit = await t.database.db.selectFrom('audit_events').select('id').where('subject_id', '=', first.json<{ id: string }>().id).execute();
      assert.equal(audit.length, 1, 'one creation audited');

      const without = await post('/api/v1/ops/tenants', { domain, displayName: 'Idem' });
      assert.equal(without.statusCode, 409, 'without the key a second request is a second request');
      assert.equal(errorOf(without).code, 'DOMAIN_TAKEN');
    });

    it('the same key with another request is refused in the caller language, and changes nothing', async () => {
      const key = randomUUID();
      const domain = `${unique('idem')}.example`;
      assert.equal((await post('/api/v1/ops/tenants', { domain, displayName: 'One' }, key)).statusCode, 201);
      const other = `${unique('idem')}.example`;
      const reused = await post('/api/v1/ops/tenants', { domain: other, displayName: 'Two' }, key, t.operatorToken, { 'accept-language': 'nl-NL' });
      assert.equal(reused.statusCode, 422, reused.body);
      const error = errorOf(reused);
      assert.equal(error.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal(error.fields?.['idempotency-key']?.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.match(error.message, /al gebruikt voor een ander verzoek/);
      assert.equal(await tenantsWithDomain(other), 0);
    });

    it('a key belongs to its caller: another operator token with the same key is not answered from it', async () => {
      const key = randomUUID();
      const domain = `${unique('idem')}.example`;
      assert.equal((await post('/api/v1/ops/tenants', { domain, displayName: 'Mine' }, key)).statusCode, 201);
      const { token } = await createOperatorToken(t.database.db, unique('other-'));
      const theirs = await post('/api/v1/ops/tenants', { domain, displayName: 'Mine' }, key, token);
      assert.equal(theirs.statusCode, 409, 'not the first caller’s answer');
      assert.equal(replayed(theirs), false);
    });

    it('a refused first try is not kept: the corrected request with the same key goes through', async () => {
      const key = randomUUID();
      const missing = await post('/api/v1/ops/partner-accounts', { name: 'P', mpnId: '41', companyEmail: 'p@p.example', primaryTenantId: randomUUID() }, key);
      assert.equal(missing.statusCode, 409, missing.body);
      assert.equal(errorOf(missing).code, 'TENANT_NOT_FOUND');
      const domain = `${unique('idem')}.example`;
      const tenantId = await createTenant(t, domain);
      const mpnId = String(7_000_000 + Math.floor(Math.random() * 1_000_000));
      const body = { name: 'P', mpnId, companyEmail: `p@${domain}`, primaryTenantId: tenantId };
      const created = await post('/api/v1/ops/partner-accounts', body, key);
      assert.equal(created.statusCode, 201, created.body);
    });

    it('many retries at once with one key make one partner account, and every one gets its answer', async () => {
      const domain = `${unique('idem')}.example`;
      const tenantId = await createTenant(t, domain);
      const mpnId = String(8_000_000 + Math.floor(Math.random() * 1_000_000));
      const key = randomUUID();
      const body = { name: 'Raced', mpnId, companyEmail: `office@${domain}`, primaryTenantId: tenantId };
      const answers = await Promise.all(Array.from({ length: 8 }, () => post('/api/v1/ops/partner-accounts', body, key)));
      for (const answer of answers) assert.equal(answer.statusCode, 201, answer.body);
      assert.equal(new Set(answers.map((answer) => answer.body)).size, 1, 'one answer for all');
      const rows = await t.database.db.selectFrom('partner_accounts').select('id').where('mpn_id', '=', mpnId).execute();
      assert.equal(rows.length, 1);
    });

    it('users: an operator and an account admin each retry safely; the password is never kept', async () => {
      const p = await createPartner(t, { admin: ['global-admin'], other: ['global-admin'] });
      const key = randomUUID();
      const password = 'a new user passphrase 4 idempotency';
      const user = { username: `new@${p.domain}`, displayName: 'New', email: `new@mail.${p.domain}`, password, roles: ['user'] };
      const first = await post(`/api/v1/ops/tenants/${p.tenantId}/users`, user, key);
      assert.equal(first.statusCode, 201, first.body);
      const again = await post(`/api/v1/ops/tenants/${p.tenantId}/users`, user, key);
      assert.equal(again.body, first.body);
      const stored = await t.database.db.selectFrom('idempotency_keys').select(['fingerprint', 'body']).where('key', '=', key).executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(stored).includes(password), 'no password in what is kept');

      const admin = await signIn(t.app, p.users.admin!.username);
      const member = { ...user, username: `second@${p.domain}`, email: `second@mail.${p.domain}`, tenantId: p.tenantId };
      const added = await call(t.app, admin, 'POST', '/api/v1/account/users', member, { 'idempotency-key': key });
      assert.equal(added.statusCode, 201, 'the operator’s key is not the admin’s');
      const retried = await call(t.app, admin, 'POST', '/api/v1/account/users', member, { 'idempotency-key': key });
      assert.equal(retried.statusCode, 201, retried.body);
      assert.equal(retried.body, added.body);
      const colleague = await signIn(t.app, p.users.other!.username);
      const theirs = await call(t.app, colleague, 'POST', '/api/v1/account/users', member, { 'idempotency-key': key });
      assert.equal(theirs.statusCode, 409, 'another user of the account has keys of their own');
      assert.equal(errorOf(theirs).code, 'USERNAME_TAKEN');
      assert.ok((await signIn(t.app, `second@${p.domain}`, password)).csrf, 'the user exists with the first password');

      // An admin who has lost the right to add users gets no stored answer either.
      await t.database.db.updateTable('users').set({ roles: ['user'] }).where('id', '=', p.users.admin!.id).execute();
      const demoted = await signIn(t.app, p.users.admin!.username);
      const refused = await call(t.app, demoted, 'POST', '/api/v1/account/users', member, { 'idempotency-key': key });
      assert.equal(refused.statusCode, 403, refused.body);
    });

    it('a key is kept 24 hours; a badly formed key is refused on its header', async () => {
      const start = clock.set(new Date('2030-03-01T10:00:00Z'));
      const key = randomUUID();
      const domain = `${unique('idem')}.example`;
      assert.equal((await post('/api/v1/ops/tenants', { domain, displayName: 'Kept' }, key)).statusCode, 201);
      clock.set(new Date(start.getTime() + 23 * 3_600_000));
      assert.ok(replayed(await post('/api/v1/ops/tenants', { domain, displayName: 'Kept' }, key)));
      clock.set(new Date(start.getTime() + 25 * 3_600_000));
      const late = await post('/api/v1/ops/tenants', { domain, displayName: 'Kept' }, key);
      assert.equal(late.statusCode, 409, 'past 24 hours the key is forgotten and the request is new');

      for (const bad of ['has space', 'x'.repeat(256), 'tab\there']) {
        const refused = await post('/api/v1/ops/tenants', { domain: `${unique('idem')}.example`, displayName: 'Bad' }, bad);
        assert.equal(refused.statusCode, 422, refused.body);
        assert.ok(errorOf(refused).fields?.['idempotency-key'], refused.body);
      }
    });
  });
}
