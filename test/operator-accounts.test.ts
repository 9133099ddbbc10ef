import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  createFreeTenant,
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
  type UserBody,
} from './helpers.ts';

// The operator API, part 2: partner accounts and users. Authentication and tenants are in
// operator.test.ts.

for (const engine of engines()) {
  describe(`operator API (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    describe('partner accounts', () => {
      const accountPayload = (primaryTenantId: string, mpnId = mpn()) => ({
        name: 'Fabrikam Partner',
        mpnId,
        companyEmail: 'office@fabrikam.example',
        primaryTenantId,
      });

      it('creates a partner account: 201 with its fields, and associates the primary tenant', async () => {
        const tenantId = await createTenant(t, `${unique('pa')}.example`);
        const payload = accountPayload(tenantId);
        const response = await ops(t, 'POST', '/api/v1/ops/partner-accounts', payload);
        assert.equal(response.statusCode, 201, response.body);
        const body = response.json<{ id: string; name: string; mpnId: string; companyEmail: string; primaryTenantId: string }>();
        assert.match(body.id, /^[0-9a-f-]{36}$/);
        assert.deepEqual({ ...body, id: undefined }, { ...payload, id: undefined });
        const tenant = await t.database.db.selectFrom('tenants').select('partner_account_id').where('id', '=', tenantId).executeTakeFirstOrThrow();
        assert.equal(tenant.partner_account_id, body.id);
      });

      it('a duplicate MPN ID is 409 MPN_ID_TAKEN and leaves the second tenant free', async () => {
        const p = await createPartner(t);
        const tenantId = await createTenant(t, `${unique('pa')}.example`);
        const response = await ops(t, 'POST', '/api/v1/ops/partner-accounts', accountPayload(tenantId, p.mpnId));
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(errorOf(response).code, 'MPN_ID_TAKEN');
        assert.equal(errorOf(response).fields?.mpnId?.code, 'MPN_ID_TAKEN');
        const tenant = await t.database.db.selectFrom('tenants').select('partner_account_id').where('id', '=', tenantId).executeTakeFirstOrThrow();
        assert.equal(tenant.partner_account_id, null);
      });

      it('an MPN ID that is not digits is 422 with fields.mpnId', async () => {
        const tenantId = await createTenant(t, `${unique('pa')}.example`);
        for (const mpnId of ['12a45', '', ' 123', '-1', '1234567890123']) {
          const response = await ops(t, 'POST', '/api/v1/ops/partner-accounts', accountPayload(tenantId, mpnId));
          assert.equal(response.statusCode, 422, `${mpnId}: ${response.body}`);
          assert.ok(errorOf(response).fields?.mpnId, `fields.mpnId for "${mpnId}"`);
        }
      });

      it('a primary tenant already in another account is 409 TENANT_ALREADY_ASSOCIATED', async () => {
        const p = await createPartner(t);
        const response = await ops(t, 'POST', '/api/v1/ops/partner-accounts', accountPayload(p.tenantId));
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(errorOf(response).code, 'TENANT_ALREADY_ASSOCIATED');
        assert.equal(errorOf(response).fields?.primaryTenantId?.code, 'TENANT_ALREADY_ASSOCIATED');
        const tenant = await t.database.db.selectFrom('tenants').select('partner_account_id').where('id', '=', p.tenantId).executeTakeFirstOrThrow();
        assert.equal(tenant.partner_account_id, p.accountId);
      });

      it('an unknown primary tenant is 409 TENANT_NOT_FOUND; a malformed id is 422', async () => {
        const response = await ops(t, 'POST', '/api/v1/ops/partner-accounts', accountPayload('00000000-0000-4000-8000-000000000000'));
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(errorOf(response).code, 'TENANT_NOT_FOUND');
        assert.equal(errorOf(response).fields?.primaryTenantId?.code, 'TENANT_NOT_FOUND');
        const malformed = await ops(t, 'POST', '/api/v1/ops/partner-accounts', accountPayload('not-a-uuid'));
        assert.equal(malformed.statusCode, 422);
        assert.ok(errorOf(malformed).fields?.primaryTenantId);
      });

      it('a bad company email is 422 EMAIL_INVALID', async () => {
        const tenantId = await createTenant(t, `${unique('pa')}.example`);
        const response = await ops(t, 'POST', '/api/v1/ops/partner-accounts', { ...accountPayload(tenantId), companyEmail: 'not an email' });
        assert.equal(response.statusCode, 422);
        assert.equal(errorOf(response).fields?.companyEmail?.code, 'EMAIL_INVALID');
      });
    });

    describe('users', () => {
      const userPayload = (overrides: Record<string, unknown> = {}) => ({
        username: 'dana',
        displayName: 'Dana Scully',
        email: 'dana@mail.example',
        password: PASSWORD,
        roles: ['mpn-partner-admin'],
        ...overrides,
      });

      it('creates a user: 201 with the public fields only, never the password or its hash', async () => {
        const free = await createFreeTenant(t, {});
        const password = `Op-${randomBytes(8).toString('hex')}-secret`;
        const response = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ username: `Dana@${free.domain.toUpperCase()}`, password }));
        assert.equal(response.statusCode, 201, response.body);
        const body = response.json<UserBody>();
        assert.deepEqual(Object.keys(body).sort(), ['displayName', 'email', 'id', 'locale', 'roles', 'tenantDomain', 'tenantId', 'username']);
        assert.equal(body.username, `dana@${free.domain}`);
        assert.equal(body.tenantId, free.tenantId);
        assert.deepEqual(body.roles, ['mpn-partner-admin']);
        assert.ok(!response.body.includes(password));
        assert.ok(!response.body.includes('scrypt'));
        const row = await t.database.db.selectFrom('users').select('password_hash').where('id', '=', body.id).executeTakeFirstOrThrow();
        assert.ok(!response.body.includes(row.password_hash));

        const signedIn = await signIn(t.app, body.username, password);
        assert.equal((signedIn.body as { user: { id: string } }).user.id, body.id);
      });

      it('takes a bare name and puts it in the tenant', async () => {
        const free = await createFreeTenant(t, {});
        const response = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ username: 'fox' }));
        assert.equal(response.statusCode, 201, response.body);
        assert.equal(response.json<UserBody>().username, `fox@${free.domain}`);
      });

      it('a username with another domain is 422 USERNAME_DOMAIN_MISMATCH', async () => {
        const free = await createFreeTenant(t, {});
        const other = await createFreeTenant(t, {});
        const response = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ username: `dana@${other.domain}` }));
        assert.equal(response.statusCode, 422, response.body);
        assert.equal(errorOf(response).code, 'VALIDATION_FAILED');
        assert.equal(errorOf(response).fields?.username?.code, 'USERNAME_DOMAIN_MISMATCH');
        assert.ok(errorOf(response).fields?.username?.message.includes(free.domain));
        const rows = await t.database.db.selectFrom('users').select('id').where('tenant_id', 'in', [free.tenantId, other.tenantId]).execute();
        assert.equal(rows.length, 0);
      });

      it('a username with characters outside the allowed set is 422 USERNAME_INVALID', async () => {
        const free = await createFreeTenant(t, {});
        const response = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ username: 'da na' }));
        assert.equal(response.statusCode, 422);
        assert.equal(errorOf(response).fields?.username?.code, 'USERNAME_INVALID');
      });

      it('a duplicate username (in any case) is 409 USERNAME_TAKEN', async () => {
        const free = await createFreeTenant(t, { dana: ['user'] });
        for (const username of ['dana', `DANA@${free.domain}`]) {
          const response = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ username }));
          assert.equal(response.statusCode, 409, response.body);
          assert.equal(errorOf(response).code, 'USERNAME_TAKEN');
          assert.equal(errorOf(response).fields?.username?.code, 'USERNAME_TAKEN');
        }
      });

      it('a short password is 422 TOO_SHORT with the limit in the message', async () => {
        const free = await createFreeTenant(t, {});
        const response = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ password: 'short' }));
        assert.equal(response.statusCode, 422);
        assert.equal(errorOf(response).fields?.password?.code, 'TOO_SHORT');
        assert.ok(errorOf(response).fields?.password?.message.includes('15'));
      });

      it('an unknown role is 422 on fields.roles; duplicate roles too', async () => {
        const free = await createFreeTenant(t, {});
        const bad = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ roles: ['user', 'superuser'] }));
        assert.equal(bad.statusCode, 422, bad.body);
        assert.equal(errorOf(bad).fields?.roles?.code, 'VALUE_NOT_ALLOWED');
        const duplicate = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ roles: ['user', 'user'] }));
        assert.equal(duplicate.statusCode, 422);
        assert.equal(errorOf(duplicate).fields?.roles?.code, 'DUPLICATE_ITEMS');
      });

      it('no roles means the plain user role', async () => {
        const free = await createFreeTenant(t, {});
        const response = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ roles: [] }));
        assert.equal(response.statusCode, 201, response.body);
        assert.deepEqual(response.json<UserBody>().roles, ['user']);
      });

      it('a blank display name is 422, not a server error', async () => {
        const free = await createFreeTenant(t, {});
        const response = await ops(t, 'POST', `/api/v1/ops/tenants/${free.tenantId}/users`, userPayload({ displayName: '  ' }));
        assert.equal(response.statusCode, 422, response.body);
        assert.ok(errorOf(response).fields?.displayName);
      });

      it('an unknown tenant is 404 NOT_FOUND', async () => {
        const response = await ops(t, 'POST', '/api/v1/ops/tenants/00000000-0000-4000-8000-000000000000/users', userPayload());
        assert.equal(response.statusCode, 404);
        assert.equal(errorOf(response).code, 'NOT_FOUND');
      });
    });
  });
}
