import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ensureEnvOperatorToken } from '../src/modules/identity/identity.service.ts';
import {
  call,
  createPartner,
  createTenant,
  engines,
  errorOf,
  ops,
  PASSWORD,
  randomMpnId as mpn,
  signIn,
  startTestApp,
  unique,
  type TestApp,
} from './helpers.ts';

// The operator API, part 1: authentication (tokens, sessions are not enough) and tenants.
// Partner accounts and users are in operator-accounts.test.ts.

for (const engine of engines()) {
  describe(`operator API (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    const tenantPayload = () => ({ domain: `${unique('ops')}.example`, displayName: 'Fabrikam' });
    const withToken = (token: string | undefined, url: string, payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url,
        payload: payload as Record<string, unknown>,
        headers: token === undefined ? {} : { authorization: token },
      });
    const tenantCount = async () =>
      Number((await t.database.db.selectFrom('tenants').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    describe('authentication', () => {
      it('refuses every ops endpoint without a token, 401 UNAUTHENTICATED, and creates nothing', async () => {
        const tenantId = await createTenant(t, `${unique('auth')}.example`);
        const before = await tenantCount();
        const requests: [string, unknown][] = [
          ['/api/v1/ops/tenants', tenantPayload()],
          ['/api/v1/ops/partner-accounts', { name: 'X', mpnId: mpn(), companyEmail: 'x@x.example', primaryTenantId: tenantId }],
          [`/api/v1/ops/tenants/${tenantId}/users`, { username: 'x', displayName: 'X', email: 'x@x.example', password: PASSWORD, roles: ['user'] }],
        ];
        for (const [url, payload] of requests) {
          const response = await withToken(undefined, url, payload);
          assert.equal(response.statusCode, 401, `${url}: ${response.body}`);
          assert.equal(errorOf(response).code, 'UNAUTHENTICATED');
        }
        assert.equal(await tenantCount(), before);
        const accounts = await t.database.db.selectFrom('partner_accounts').select('id').where('primary_tenant_id', '=', tenantId).execute();
        assert.equal(accounts.length, 0);
      });

      it('refuses a wrong, malformed or revoked token with 401 UNAUTHENTICATED', async () => {
        for (const authorization of [`Bearer rwd_${randomBytes(32).toString('base64url')}`, 'Bearer', `Basic ${t.operatorToken}`, t.operatorToken]) {
          const response = await withToken(authorization, '/api/v1/ops/tenants', tenantPayload());
          assert.equal(response.statusCode, 401, `${authorization.slice(0, 10)}: ${response.body}`);
          assert.equal(errorOf(response).code, 'UNAUTHENTICATED');
          assert.equal(errorOf(response).message, 'The operator token is missing, unknown or revoked.');
        }
      });

      it('a bearer token is refused on user endpoints too, not silently ignored', async () => {
        const response = await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: 'Bearer nope' },
        });
        assert.equal(response.statusCode, 401);
        assert.equal(errorOf(response).code, 'UNAUTHENTICATED');
      });

      it("a signed-in user's session (even a global admin's, with its CSRF token) is not enough", async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const s = await signIn(t.app, p.users.anna!.username);
        const before = await tenantCount();
        const response = await call(t.app, s, 'POST', '/api/v1/ops/tenants', tenantPayload());
        assert.equal(response.statusCode, 401, response.body);
        assert.equal(errorOf(response).code, 'UNAUTHENTICATED');
        const users = await call(t.app, s, 'POST', `/api/v1/ops/tenants/${p.tenantId}/users`, {
          username: 'mallory',
          displayName: 'Mallory',
          email: 'm@m.example',
          password: PASSWORD,
          roles: ['global-admin'],
        });
        assert.equal(users.statusCode, 401);
        assert.equal(await tenantCount(), before);
      });

      it('an operator token that has been revoked stops working', async () => {
        const ok = await ops(t, 'POST', '/api/v1/ops/tenants', tenantPayload());
        assert.equal(ok.statusCode, 201);
        const { createOperatorToken } = await import('../src/modules/identity/identity.service.ts');
        const { id, token } = await createOperatorToken(t.database.db, `revoke-${unique('x')}`);
        assert.equal((await withToken(`Bearer ${token}`, '/api/v1/ops/tenants', tenantPayload())).statusCode, 201);
        await t.database.db.updateTable('operator_tokens').set({ revoked_at: new Date() }).where('id', '=', id).execute();
        const revoked = await withToken(`Bearer ${token}`, '/api/v1/ops/tenants', tenantPayload());
        assert.equal(revoked.statusCode, 401);
        assert.equal(errorOf(revoked).code, 'UNAUTHENTICATED');
      });

      it('REWARDS_ADMIN_TOKEN: ensureEnvOperatorToken makes that value work, and a new value replaces the old', async () => {
        const first = `env-token-${randomBytes(24).toString('hex')}`;
        await ensureEnvOperatorToken(t.database.db, first);
        const created = await withToken(`Bearer ${first}`, '/api/v1/ops/tenants', tenantPayload());
        assert.equal(created.statusCode, 201, created.body);

        await ensureEnvOperatorToken(t.database.db, first); // idempotent at every start
        assert.equal((await withToken(`Bearer ${first}`, '/api/v1/ops/tenants', tenantPayload())).statusCode, 201);

        const second = `env-token-${randomBytes(24).toString('hex')}`;
        await ensureEnvOperatorToken(t.database.db, second);
        assert.equal((await withToken(`Bearer ${second}`, '/api/v1/ops/tenants', tenantPayload())).statusCode, 201);
        const stale = await withToken(`Bearer ${first}`, '/api/v1/ops/tenants', tenantPayload());
        assert.equal(stale.statusCode, 401, 'the previous value no longer works');

        const rows = await t.database.db.selectFrom('operator_tokens').select(['name', 'token_hash']).where('name', '=', 'env').execute();
        assert.equal(rows.length, 1, 'one env token, refreshed in place');
        assert.ok(!rows[0]!.token_hash.includes(second), 'stored hashed');
      });
    });

    describe('tenants', () => {
      it('creates a tenant: 201 {id, domain, displayName}, domain in lower case', async () => {
        const domain = `${unique('Mixed')}.Example`;
        const response = await ops(t, 'POST', '/api/v1/ops/tenants', { domain, displayName: ' Fabrikam Ltd ' });
        assert.equal(response.statusCode, 201, response.body);
        const body = response.json<{ id: string; domain: string; displayName: string }>();
        assert.deepEqual(Object.keys(body).sort(), ['displayName', 'domain', 'id']);
        assert.match(body.id, /^[0-9a-f-]{36}$/);
        assert.equal(body.domain, domain.toLowerCase());
        assert.equal(body.displayName, 'Fabrikam Ltd');
        const row = await t.database.db.selectFrom('tenants').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
        assert.equal(row.partner_account_id, null);
      });

      it('a duplicate domain (in any case) is 409 DOMAIN_TAKEN', async () => {
        const domain = `${unique('dup')}.example`;
        await createTenant(t, domain);
        for (const again of [domain, domain.toUpperCase()]) {
          const response = await ops(t, 'POST', '/api/v1/ops/tenants', { domain: again, displayName: 'Again' });
          assert.equal(response.statusCode, 409, response.body);
          assert.equal(errorOf(response).code, 'DOMAIN_TAKEN');
          assert.equal(errorOf(response).fields?.domain?.code, 'DOMAIN_TAKEN');
        }
        const rows = await t.database.db.selectFrom('tenants').select('id').where('domain', '=', domain).execute();
        assert.equal(rows.length, 1);
      });

      it('a malformed domain is 422 with fields.domain', async () => {
        for (const domain of ['localhost', 'no spaces.example', '-dash.example', 'a..example', 'x']) {
          const response = await ops(t, 'POST', '/api/v1/ops/tenants', { domain, displayName: 'Bad' });
          assert.equal(response.statusCode, 422, `${domain}: ${response.body}`);
          assert.equal(errorOf(response).code, 'VALIDATION_FAILED');
          assert.ok(errorOf(response).fields?.domain, `${domain}: fields.domain`);
        }
      });

      it('a blank display name is 422, not a server error', async () => {
        const response = await ops(t, 'POST', '/api/v1/ops/tenants', { domain: `${unique('blank')}.example`, displayName: '   ' });
        assert.equal(response.statusCode, 422, response.body);
        assert.equal(errorOf(response).code, 'VALIDATION_FAILED');
        assert.ok(errorOf(response).fields?.displayName);
      });
    });
  });
}
