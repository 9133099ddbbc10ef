import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as translate } from '../src/platform/i18n/i18n.ts';
import { call, createPartner, engines, errorOf, PASSWORD, signIn, startTestApp, type MeBody, type TestApp } from './helpers.ts';
import { identityHelpers, SIGN_IN, SIGN_OUT } from './identity-helpers.ts';

// The identity API, part 2: CSRF tokens, the Origin check on sign-in, and the
// error body (codes, field codes, Dutch messages). Sign-in and sessions are in
// identity-sessions.test.ts; navigation visibility in identity-visibility.test.ts.

for (const engine of engines()) {
  describe(`identity (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    const { signInRaw, localeOf } = identityHelpers(() => t);

    describe('CSRF and origin', () => {
      for (const [label, header] of [
        ['without', undefined],
        ['with a wrong', 'not-the-token'],
      ] as const) {
        it(`PATCH /me ${label} x-csrf-token is 403 CSRF_TOKEN_INVALID and changes nothing`, async () => {
          const p = await createPartner(t, { anna: ['global-admin'] });
          const s = await signIn(t.app, p.users.anna!.username);
          const response = await t.app.inject({
            method: 'PATCH',
            url: '/api/v1/me',
            payload: { locale: 'nl-NL' },
            headers: { cookie: s.cookie, ...(header ? { 'x-csrf-token': header } : {}) },
          });
          assert.equal(response.statusCode, 403, response.body);
          assert.equal(errorOf(response).code, 'CSRF_TOKEN_INVALID');
          assert.equal(await localeOf(p.users.anna!.id), null);
        });

        it(`POST sign-out ${label} x-csrf-token is 403 CSRF_TOKEN_INVALID and the session lives on`, async () => {
          const p = await createPartner(t, { anna: ['global-admin'] });
          const s = await signIn(t.app, p.users.anna!.username);
          const response = await t.app.inject({
            method: 'POST',
            url: SIGN_OUT,
            headers: { cookie: s.cookie, ...(header ? { 'x-csrf-token': header } : {}) },
          });
          assert.equal(response.statusCode, 403, response.body);
          assert.equal(errorOf(response).code, 'CSRF_TOKEN_INVALID');
          assert.equal((await call(t.app, s, 'GET', '/api/v1/me')).statusCode, 200);
        });
      }

      it("one session's CSRF token does not work for another session", async () => {
        const p = await createPartner(t, { anna: ['global-admin'], bert: ['global-admin'] });
        const anna = await signIn(t.app, p.users.anna!.username);
        const bert = await signIn(t.app, p.users.bert!.username);
        const response = await call(t.app, { ...anna, csrf: bert.csrf }, 'PATCH', '/api/v1/me', { locale: 'nl-NL' });
        assert.equal(response.statusCode, 403);
        assert.equal(errorOf(response).code, 'CSRF_TOKEN_INVALID');
        assert.equal(await localeOf(p.users.anna!.id), null);
      });

      it('PATCH /me with the CSRF token saves the locale', async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const s = await signIn(t.app, p.users.anna!.username);
        const response = await call(t.app, s, 'PATCH', '/api/v1/me', { locale: 'nl-NL' });
        assert.equal(response.statusCode, 200, response.body);
        assert.equal(response.json<MeBody>().user.locale, 'nl-NL');
        assert.equal(await localeOf(p.users.anna!.id), 'nl-NL');
      });

      it('sign-in with a foreign Origin is 403 and sets no cookie; the own origin is accepted', async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const credentials = { username: p.users.anna!.username, password: PASSWORD };
        for (const origin of ['https://evil.example', 'null', 'http://localhost:3000.evil.example']) {
          const response = await signInRaw(credentials, { origin });
          assert.equal(response.statusCode, 403, `${origin}: ${response.body}`);
          assert.equal(errorOf(response).code, 'FORBIDDEN');
          assert.equal(response.cookies.length, 0);
        }
        const sessions = await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', p.users.anna!.id).execute();
        assert.equal(sessions.length, 0, 'no session was created for a cross-site sign-in');

        const own = await signInRaw(credentials, { origin: t.config.publicUrl });
        assert.equal(own.statusCode, 200, own.body);
      });
    });

    describe('errors', () => {
      it('error messages are in Dutch for Accept-Language nl', async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const english = await signInRaw({ username: p.users.anna!.username, password: 'wrong password' });
        const dutch = await signInRaw({ username: p.users.anna!.username, password: 'wrong password' }, { 'accept-language': 'nl' });
        assert.equal(dutch.statusCode, 401);
        assert.equal(errorOf(dutch).code, 'INVALID_CREDENTIALS');
        assert.equal(errorOf(dutch).message, translate('nl-NL', 'error.INVALID_CREDENTIALS'));
        assert.notEqual(errorOf(dutch).message, errorOf(english).message);

        const unauthenticated = await call(t.app, null, 'GET', '/api/v1/me', undefined, { 'accept-language': 'nl-BE' });
        assert.equal(errorOf(unauthenticated).message, translate('nl-NL', 'error.UNAUTHENTICATED'));
        const notFound = await call(t.app, null, 'GET', '/api/v1/nothing-here', undefined, { 'accept-language': 'nl' });
        assert.equal(notFound.statusCode, 404);
        assert.equal(errorOf(notFound).message, translate('nl-NL', 'error.NOT_FOUND'));
      });

      it('a missing field is 422 VALIDATION_FAILED with fields.<name>.code FIELD_REQUIRED', async () => {
        const response = await signInRaw({ username: 'anna@contoso.example' });
        assert.equal(response.statusCode, 422, response.body);
        const error = errorOf(response);
        assert.equal(error.code, 'VALIDATION_FAILED');
        assert.deepEqual(Object.keys(error.fields ?? {}), ['password']);
        assert.equal(error.fields?.password?.code, 'FIELD_REQUIRED');
        assert.equal(error.fields?.password?.message, translate('en-US', 'field.FIELD_REQUIRED'));
      });

      it('reports every field at once with stable codes: unknown, wrong type, empty', async () => {
        const response = await signInRaw({ username: '', password: 12345, remember: true });
        assert.equal(response.statusCode, 422, response.body);
        const fields = errorOf(response).fields ?? {};
        assert.equal(fields.remember?.code, 'FIELD_UNKNOWN');
        assert.equal(fields.password?.code, 'TYPE_INVALID');
        assert.equal(fields.username?.code, 'FIELD_REQUIRED', 'an empty required field says it is required');
      });

      it('field messages are in Dutch too', async () => {
        const response = await signInRaw({ username: 'anna@contoso.example' }, { 'accept-language': 'nl-NL' });
        const error = errorOf(response);
        assert.equal(error.message, translate('nl-NL', 'error.VALIDATION_FAILED'));
        assert.equal(error.fields?.password?.message, translate('nl-NL', 'field.FIELD_REQUIRED'));
      });

      it('PATCH /me rejects unknown fields and unknown locales with field codes', async () => {
        const p = await createPartner(t, { anna: ['user'] });
        const s = await signIn(t.app, p.users.anna!.username);
        const unknown = await call(t.app, s, 'PATCH', '/api/v1/me', { locale: 'nl-NL', roles: ['global-admin'] });
        assert.equal(unknown.statusCode, 422);
        assert.equal(errorOf(unknown).fields?.roles?.code, 'FIELD_UNKNOWN');
        const badLocale = await call(t.app, s, 'PATCH', '/api/v1/me', { locale: 'fr-FR' });
        assert.equal(badLocale.statusCode, 422);
        assert.ok(errorOf(badLocale).fields?.locale, 'the locale field is named');
        const row = await t.database.db.selectFrom('users').select(['roles', 'locale']).where('id', '=', p.users.anna!.id).executeTakeFirstOrThrow();
        assert.deepEqual(row, { roles: ['user'], locale: null });
      });

      it('a body that is not JSON is a 400 with the error shape', async () => {
        const response = await t.app.inject({
          method: 'POST',
          url: SIGN_IN,
          payload: '{"username": ',
          headers: { 'content-type': 'application/json' },
        });
        assert.equal(response.statusCode, 400);
        assert.equal(errorOf(response).code, 'BAD_REQUEST');
      });
    });
  });
}
