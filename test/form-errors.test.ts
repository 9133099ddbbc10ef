import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { t as translate } from '../src/platform/i18n/i18n.ts';
import type { Locale } from '../locales/locales.ts';
import { associate, call, createFreeTenant, createPartner, engines, errorOf, ops, PASSWORD, signIn, startTestApp, type TestApp } from './helpers.ts';

// Issue #13, "errors in one pass, in plain words": a form with several bad fields learns every
// problem in one 422 (the schema's and the service's own rules together, in the caller's language),
// and an empty required field says it is required. What each endpoint merges, and why, is said where
// its route is (accounts.routes.ts, identity.routes.ts).

const USERS = '/api/v1/account/users';
const LOCALES: Locale[] = ['en-US', 'nl-NL'];
/** Long enough for the schema, refused by the password policy. */
const GUESSABLE = 'password1234567';

/** `{field: code}` of a refusal, for one deepEqual over every field. */
function codes(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(Object.entries(errorOf(response).fields ?? {}).map(([name, field]) => [name, field.code]));
}

/** Every field's message is the catalog's, in that language, for its code. */
function assertMessages(response: LightMyRequestResponse, locale: Locale, values: Record<string, Record<string, string | number>> = {}) {
  const error = errorOf(response);
  assert.equal(error.code, 'VALIDATION_FAILED');
  assert.equal(error.message, translate(locale, 'error.VALIDATION_FAILED'));
  for (const [name, field] of Object.entries(error.fields ?? {})) {
    assert.equal(field.message, translate(locale, `field.${field.code}` as never, values[name]), `${name} in ${locale}`);
  }
}

for (const engine of engines()) {
  describe(`form errors in one pass (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { SIGN_IN_MAX_FAILURES: '3' });
    });
    after(async () => t.close());

    const userCount = async (tenantId: string) =>
      Number((await t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);

    for (const locale of LOCALES) {
      it(`adding a user: the schema's problems, the sign-in name's domain and the password's strength in one answer (${locale})`, async () => {
        const p = await createPartner(t, { admin: ['global-admin'] });
        const admin = await signIn(t.app, p.users.admin!.username);
        const before = await userCount(p.tenantId);
        const response = await call(
          t.app,
          admin,
          'POST',
          USERS,
          { tenantId: p.tenantId, username: 'nina@elsewhere.example', displayName: '', email: 'not-an-email', password: GUESSABLE, roles: [] },
          { 'accept-language': locale },
        );
        assert.equal(response.statusCode, 422, response.body);
        assert.deepEqual(codes(response), {
          username: 'USERNAME_DOMAIN_MISMATCH',
          displayName: 'FIELD_REQUIRED',
          email: 'EMAIL_INVALID',
          password: 'PASSWORD_TOO_GUESSABLE',
        });
        assertMessages(response, locale, { username: { domain: p.domain } });
        assert.equal(await userCount(p.tenantId), before, 'nothing is stored');
      });
    }

    it('an empty or missing required field is FIELD_REQUIRED with the "required" message, never "at least 1 character"', async () => {
      const p = await createPartner(t, { admin: ['global-admin'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      for (const locale of LOCALES) {
        const empty = await call(t.app, admin, 'POST', USERS, { tenantId: p.tenantId, username: '', displayName: '   ', email: '', password: '', roles: [] }, { 'accept-language': locale });
        assert.equal(empty.statusCode, 422, empty.body);
        assert.deepEqual(codes(empty), { username: 'FIELD_REQUIRED', displayName: 'FIELD_REQUIRED', email: 'FIELD_REQUIRED', password: 'FIELD_REQUIRED' });
        assertMessages(empty, locale);
        assert.notEqual(errorOf(empty).fields!.password!.message, translate(locale, 'field.TOO_SHORT', { limit: 15 }));

        const missing = await call(t.app, admin, 'POST', USERS, { roles: [] }, { 'accept-language': locale });
        assert.deepEqual(codes(missing), { tenantId: 'FIELD_REQUIRED', username: 'FIELD_REQUIRED', displayName: 'FIELD_REQUIRED', email: 'FIELD_REQUIRED', password: 'FIELD_REQUIRED' });
        assertMessages(missing, locale);
      }
      // A value that is there but too short still says how long it must be.
      const short = await call(t.app, admin, 'POST', USERS, { tenantId: p.tenantId, username: 'neo', displayName: 'Neo', email: 'neo@mail.example', password: 'fourteen chars', roles: [] });
      assert.deepEqual(codes(short), { password: 'TOO_SHORT' });
      assert.equal(errorOf(short).fields!.password!.message, translate('en-US', 'field.TOO_SHORT', { limit: 15 }));
    });

    it('a taken sign-in name joins the other problems; alone it is still 409 USERNAME_TAKEN naming the user', async () => {
      const p = await createPartner(t, { admin: ['global-admin'], taken: ['user'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      const both = await call(t.app, admin, 'POST', USERS, { tenantId: p.tenantId, username: 'taken', displayName: 'Taken Again', email: 'bad', password: GUESSABLE, roles: [] });
      assert.equal(both.statusCode, 422, both.body);
      assert.deepEqual(codes(both), { username: 'USERNAME_TAKEN', email: 'EMAIL_INVALID', password: 'PASSWORD_TOO_GUESSABLE' });
      const alone = await call(t.app, admin, 'POST', USERS, { tenantId: p.tenantId, username: 'taken', displayName: 'Taken Again', email: 'taken@mail.example', password: PASSWORD, roles: [] });
      assert.equal(alone.statusCode, 409, alone.body);
      assert.equal(errorOf(alone).code, 'USERNAME_TAKEN');
      assert.deepEqual(errorOf(alone).conflict, { type: 'user', id: p.users.taken!.id });
    });

    it("a tenant outside the account joins the other problems (the name's domain is then unknown, so it is not judged)", async () => {
      const p = await createPartner(t, { admin: ['global-admin'] });
      const other = await createFreeTenant(t, {});
      const admin = await signIn(t.app, p.users.admin!.username);
      const response = await call(t.app, admin, 'POST', USERS, { tenantId: other.tenantId, username: 'nina@elsewhere.example', displayName: 'Nina', email: 'bad', password: 'short', roles: [] });
      assert.equal(response.statusCode, 422, response.body);
      assert.deepEqual(codes(response), { tenantId: 'TENANT_NOT_IN_ACCOUNT', email: 'EMAIL_INVALID', password: 'TOO_SHORT' });
      assert.equal(await userCount(other.tenantId), 0);
    });

    it('a role the caller may not give is refused first (403), whatever else is wrong', async () => {
      const p = await createPartner(t, { admin: ['global-admin'] });
      const second = await createFreeTenant(t, { mia: ['user'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      assert.equal((await associate(t.app, admin, second.users.mia!.username)).statusCode, 201);
      const response = await call(t.app, admin, 'POST', USERS, { tenantId: second.tenantId, username: 'x', displayName: '', email: 'bad', password: GUESSABLE, roles: ['global-admin'] });
      assert.equal(response.statusCode, 403, response.body);
      assert.equal(errorOf(response).code, 'FORBIDDEN');
    });

    it('the operator API adds a user the same way: every problem at once', async () => {
      const p = await createPartner(t, {});
      const response = await ops(t, 'POST', `/api/v1/ops/tenants/${p.tenantId}/users`, { username: 'a b', displayName: '', email: 'bad', password: GUESSABLE, roles: [] });
      assert.equal(response.statusCode, 422, response.body);
      assert.deepEqual(codes(response), { username: 'USERNAME_INVALID', displayName: 'FIELD_REQUIRED', email: 'EMAIL_INVALID', password: 'PASSWORD_TOO_GUESSABLE' });
      const unknown = await ops(t, 'POST', '/api/v1/ops/tenants/00000000-0000-4000-8000-000000000000/users', { username: 'a', displayName: 'A', email: 'a@mail.example', password: PASSWORD, roles: [] });
      assert.equal(unknown.statusCode, 404);
    });

    it('changing a user: keeping an admin role on yourself and the schema problems in one answer, after who may', async () => {
      const p = await createPartner(t, { admin: ['global-admin'], plain: ['user'], aa: ['account-admin'], boss: ['global-admin'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      const self = await call(t.app, admin, 'PATCH', `${USERS}/${p.users.admin!.id}`, { roles: [], email: 'bad', displayName: '' }, { 'accept-language': 'nl-NL' });
      assert.equal(self.statusCode, 422, self.body);
      assert.deepEqual(codes(self), { roles: 'CANNOT_DEMOTE_SELF', email: 'EMAIL_INVALID', displayName: 'FIELD_REQUIRED' });
      assertMessages(self, 'nl-NL');
      // An Account admin may not touch a Global admin: that is the answer, not the fields.
      const aa = await signIn(t.app, p.users.aa!.username);
      const forbidden = await call(t.app, aa, 'PATCH', `${USERS}/${p.users.boss!.id}`, { email: 'bad' });
      assert.equal(forbidden.statusCode, 403, forbidden.body);
      // A bad id is the id's problem alone, as before.
      const badId = await call(t.app, admin, 'PATCH', `${USERS}/not-a-uuid`, { email: 'bad' });
      assert.equal(badId.statusCode, 422);
      assert.deepEqual(codes(badId), { id: 'FORMAT_INVALID' });
      const nothing = await call(t.app, admin, 'PATCH', `${USERS}/${p.users.plain!.id}`, {});
      assert.deepEqual(codes(nothing), { _: 'NOTHING_TO_CHANGE' });
      const row = await t.database.db.selectFrom('users').select(['roles', 'email', 'display_name']).where('id', '=', p.users.admin!.id).executeTakeFirstOrThrow();
      assert.deepEqual(row.roles, ['global-admin'], 'nothing changed');
    });

    it("changing one's own password: a wrong current password and a refused new one in one answer, in the user's saved language", async () => {
      const p = await createPartner(t, { anna: ['user'] });
      let anna = await signIn(t.app, p.users.anna!.username);
      assert.equal((await call(t.app, anna, 'PATCH', '/api/v1/me', { locale: 'nl-NL' })).statusCode, 200);
      const change = (body: unknown) => call(t.app, anna, 'POST', '/api/v1/me/password', body);

      const weak = await change({ currentPassword: 'not my password', newPassword: GUESSABLE });
      assert.equal(weak.statusCode, 422, weak.body);
      assert.deepEqual(codes(weak), { currentPassword: 'CURRENT_PASSWORD_WRONG', newPassword: 'PASSWORD_TOO_GUESSABLE' });
      assertMessages(weak, 'nl-NL');
      const short = await change({ currentPassword: 'not my password either', newPassword: 'short' });
      assert.deepEqual(codes(short), { currentPassword: 'CURRENT_PASSWORD_WRONG', newPassword: 'TOO_SHORT' });
      const empty = await change({ currentPassword: '', newPassword: '' });
      assert.deepEqual(codes(empty), { currentPassword: 'FIELD_REQUIRED', newPassword: 'FIELD_REQUIRED' });
      assertMessages(empty, 'nl-NL');

      // The right current password forgets the failed attempts (as a sign-in does): trying new passwords never locks the user out.
      for (let i = 0; i < 4; i += 1) {
        const refused = await change({ currentPassword: PASSWORD, newPassword: GUESSABLE });
        assert.deepEqual(codes(refused), { newPassword: 'PASSWORD_TOO_GUESSABLE' });
      }
      anna = await signIn(t.app, p.users.anna!.username);
      assert.equal((await call(t.app, anna, 'GET', '/api/v1/me')).statusCode, 200);
    });

    it('sign-in and tenant association report both empty fields at once (the credentials are checked only when both are there)', async () => {
      for (const locale of LOCALES) {
        const signInEmpty = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: '', password: '' }, headers: { 'accept-language': locale } });
        assert.equal(signInEmpty.statusCode, 422);
        assert.deepEqual(codes(signInEmpty), { username: 'FIELD_REQUIRED', password: 'FIELD_REQUIRED' });
        assertMessages(signInEmpty, locale);
      }
      const p = await createPartner(t, { admin: ['global-admin'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      const associateEmpty = await associate(t.app, admin, '', '');
      assert.equal(associateEmpty.statusCode, 422);
      assert.deepEqual(codes(associateEmpty), { username: 'FIELD_REQUIRED', password: 'FIELD_REQUIRED' });
    });

    it('nothing else changed: a good user is added, an Idempotency-Key replays it, and a bad body under a used key is still its fields', async () => {
      const p = await createPartner(t, { admin: ['global-admin'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      const body = { tenantId: p.tenantId, username: 'olga', displayName: 'Olga', email: 'olga@mail.example', password: PASSWORD, roles: ['admin-agent'] };
      const key = { 'idempotency-key': `k-${p.tenantId}` };
      const first = await call(t.app, admin, 'POST', USERS, body, key);
      assert.equal(first.statusCode, 201, first.body);
      const again = await call(t.app, admin, 'POST', USERS, body, key);
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.body, first.body);
      const bad = await call(t.app, admin, 'POST', USERS, { ...body, username: 'olga2', email: 'bad' }, key);
      assert.equal(bad.statusCode, 422, bad.body);
      assert.deepEqual(codes(bad), { email: 'EMAIL_INVALID' });
      assert.equal(await userCount(p.tenantId), 2);
    });
  });
}
