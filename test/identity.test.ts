import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as translate } from '../src/platform/i18n/i18n.ts';
import type { Role } from '../src/platform/db/schema.ts';
import {
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

interface HelpBody {
  visible: boolean;
  checks: { code: 'TENANT_ASSOCIATED' | 'REWARDS_ROLE'; ok: boolean; title: string; explanation: string; steps: string[] }[];
}

const SIGN_IN = '/api/v1/auth/sign-in';
const SIGN_OUT = '/api/v1/auth/sign-out';

for (const engine of engines()) {
  describe(`identity (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    const signInRaw = (payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: SIGN_IN, payload: payload as Record<string, unknown>, headers });

    const localeOf = async (userId: string) =>
      (await t.database.db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirstOrThrow()).locale;

    describe('sign-in and sessions', () => {
      it('signs in with the documented body and an httpOnly session cookie', async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const response = await signInRaw({ username: p.users.anna!.username, password: PASSWORD });
        assert.equal(response.statusCode, 200, response.body);

        const body = response.json<MeBody>();
        assert.deepEqual(Object.keys(body).sort(), ['csrfToken', 'navigation', 'partnerAccount', 'roles', 'user', 'visibility']);
        assert.equal(body.user.id, p.users.anna!.id);
        assert.equal(body.user.username, p.users.anna!.username);
        assert.equal(body.user.tenantId, p.tenantId);
        assert.equal(body.user.tenantDomain, p.domain);
        assert.ok(!('password' in body.user) && !('passwordHash' in body.user), 'no password field on the user');
        assert.equal(body.partnerAccount?.id, p.accountId);
        assert.equal(body.partnerAccount?.mpnId, p.mpnId);
        assert.equal(body.partnerAccount?.primaryTenantId, p.tenantId);
        assert.deepEqual(body.roles, ['global-admin']);
        assert.deepEqual(body.navigation, { marketplaceRewards: true });
        assert.deepEqual(body.visibility, { tenantAssociated: true, hasRewardsRole: true });
        assert.equal(typeof body.csrfToken, 'string');
        assert.ok(body.csrfToken.length >= 32);

        const cookies = response.cookies as { name: string; value: string; httpOnly?: boolean }[];
        const session = cookies.find((c) => c.name === 'rewards_session');
        assert.ok(session, 'a session cookie is set');
        assert.equal(session.httpOnly, true);
        assert.ok(session.value.length >= 32);
      });

      it('takes the sign-in name in any case and with surrounding spaces', async () => {
        const p = await createPartner(t, { anna: ['user'] });
        const response = await signInRaw({ username: `  ${p.users.anna!.username.toUpperCase()} `, password: PASSWORD });
        assert.equal(response.statusCode, 200, response.body);
        assert.equal(response.json<MeBody>().user.id, p.users.anna!.id);
      });

      it('refuses a wrong password and an unknown user with the same 401 INVALID_CREDENTIALS message', async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const wrongPassword = await signInRaw({ username: p.users.anna!.username, password: 'not the password' });
        const unknownUser = await signInRaw({ username: `nobody@${p.domain}`, password: PASSWORD });
        const unknownDomain = await signInRaw({ username: 'anna@no-such-tenant.example', password: PASSWORD });
        for (const response of [wrongPassword, unknownUser, unknownDomain]) {
          assert.equal(response.statusCode, 401, response.body);
          assert.equal(errorOf(response).code, 'INVALID_CREDENTIALS');
          assert.equal(response.cookies.length, 0, 'no cookie on a failed sign-in');
        }
        assert.equal(errorOf(wrongPassword).message, errorOf(unknownUser).message);
        assert.equal(errorOf(wrongPassword).message, errorOf(unknownDomain).message);
        assert.equal(errorOf(wrongPassword).fields, undefined, 'no hint which part was wrong');
      });

      it('GET /me returns the sign-in body for the session, and 401 UNAUTHENTICATED without one', async () => {
        const p = await createPartner(t, { anna: ['account-admin'] });
        const s = await signIn(t.app, p.users.anna!.username);
        const me = await call(t.app, s, 'GET', '/api/v1/me');
        assert.equal(me.statusCode, 200, me.body);
        const { csrfToken, ...rest } = me.json<MeBody>();
        const { csrfToken: signInCsrf, ...signInRest } = s.body as unknown as MeBody;
        assert.equal(csrfToken, signInCsrf);
        assert.deepEqual(rest, signInRest);

        const anonymous = await call(t.app, null, 'GET', '/api/v1/me');
        assert.equal(anonymous.statusCode, 401);
        assert.equal(errorOf(anonymous).code, 'UNAUTHENTICATED');

        const bogus = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: 'rewards_session=forged' } });
        assert.equal(bogus.statusCode, 401);
        assert.equal(errorOf(bogus).code, 'UNAUTHENTICATED');
      });

      it('sign-out revokes the session: the old cookie then gets 401 on /me', async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const s = await signIn(t.app, p.users.anna!.username);
        const other = await signIn(t.app, p.users.anna!.username);

        const out = await call(t.app, s, 'POST', SIGN_OUT);
        assert.equal(out.statusCode, 204, out.body);
        const cleared = (out.cookies as { name: string; value: string }[]).find((c) => c.name === 'rewards_session');
        assert.equal(cleared?.value, '', 'the session cookie is cleared');

        const after = await call(t.app, s, 'GET', '/api/v1/me');
        assert.equal(after.statusCode, 401);
        assert.equal(errorOf(after).code, 'UNAUTHENTICATED');
        const row = await t.database.db
          .selectFrom('sessions')
          .select('revoked_at')
          .where('user_id', '=', p.users.anna!.id)
          .where('revoked_at', 'is not', null)
          .execute();
        assert.equal(row.length, 1, 'exactly the signed-out session is revoked');

        const stillIn = await call(t.app, other, 'GET', '/api/v1/me');
        assert.equal(stillIn.statusCode, 200, 'another session of the same user is untouched');
      });

      it('an expired session gets 401', async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const s = await signIn(t.app, p.users.anna!.username);
        assert.equal((await call(t.app, s, 'GET', '/api/v1/me')).statusCode, 200);
        await t.database.db
          .updateTable('sessions')
          .set({ expires_at: new Date(Date.now() - 60_000) })
          .where('user_id', '=', p.users.anna!.id)
          .execute();
        const me = await call(t.app, s, 'GET', '/api/v1/me');
        assert.equal(me.statusCode, 401);
        assert.equal(errorOf(me).code, 'UNAUTHENTICATED');
      });

      it('stores only a hash of the session token', async () => {
        const p = await createPartner(t, { anna: ['user'] });
        const s = await signIn(t.app, p.users.anna!.username);
        const token = /rewards_session=([^;]+)/.exec(s.cookie)?.[1];
        assert.ok(token);
        const rows = await t.database.db.selectFrom('sessions').select('token_hash').where('user_id', '=', p.users.anna!.id).execute();
        assert.equal(rows.length, 1);
        assert.notEqual(rows[0]!.token_hash, token);
        assert.ok(!rows[0]!.token_hash.includes(token));
      });
    });

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

    describe('navigation.marketplaceRewards', () => {
      const table: { roles: Role[]; associated: boolean; visible: boolean }[] = [
        { roles: ['mpn-partner-admin'], associated: true, visible: true },
        { roles: ['global-admin'], associated: true, visible: true },
        { roles: ['admin-agent'], associated: true, visible: true },
        { roles: ['account-admin'], associated: true, visible: false },
        { roles: ['user'], associated: true, visible: false },
        { roles: ['account-admin', 'admin-agent'], associated: true, visible: true },
        { roles: ['global-admin'], associated: false, visible: false },
        { roles: ['mpn-partner-admin'], associated: false, visible: false },
        { roles: ['user'], associated: false, visible: false },
      ];
      for (const row of table) {
        it(`${row.roles.join('+')} through ${row.associated ? 'an associated' : 'an unassociated'} tenant -> ${row.visible}`, async () => {
          const fixture = row.associated
            ? await createPartner(t, { someone: row.roles })
            : await createFreeTenant(t, { someone: row.roles });
          const s = await signIn(t.app, fixture.users.someone!.username);
          const body = s.body as unknown as MeBody;
          assert.equal(body.navigation.marketplaceRewards, row.visible);
          assert.equal(body.visibility.tenantAssociated, row.associated);
          assert.equal(body.partnerAccount === null, !row.associated);
          const me = (await call(t.app, s, 'GET', '/api/v1/me')).json<MeBody>();
          assert.equal(me.navigation.marketplaceRewards, row.visible);
        });
      }
    });

    describe('help: why can\'t I see Marketplace Rewards', () => {
      const help = async (s: Awaited<ReturnType<typeof signIn>>, headers: Record<string, string> = {}) => {
        const response = await call(t.app, s, 'GET', '/api/v1/help/rewards-visibility', undefined, headers);
        assert.equal(response.statusCode, 200, response.body);
        return response.json<HelpBody>();
      };
      const check = (body: HelpBody, code: HelpBody['checks'][number]['code']) => {
        const found = body.checks.find((c) => c.code === code);
        assert.ok(found, `check ${code} present`);
        return found;
      };

      it('is 401 when signed out', async () => {
        const response = await call(t.app, null, 'GET', '/api/v1/help/rewards-visibility');
        assert.equal(response.statusCode, 401);
        assert.equal(errorOf(response).code, 'UNAUTHENTICATED');
      });

      it('all checks pass for a global admin of an associated tenant', async () => {
        const p = await createPartner(t, { anna: ['global-admin'] });
        const body = await help(await signIn(t.app, p.users.anna!.username));
        assert.equal(body.visible, true);
        assert.deepEqual(body.checks.map((c) => [c.code, c.ok]), [['TENANT_ASSOCIATED', true], ['REWARDS_ROLE', true]]);
        assert.ok(body.checks.every((c) => c.steps.length === 0));
        assert.ok(check(body, 'TENANT_ASSOCIATED').explanation.includes(p.domain));
      });

      it('names the missing association, with the seed steps, for an unassociated tenant', async () => {
        const free = await createFreeTenant(t, { anna: ['global-admin'] });
        const body = await help(await signIn(t.app, free.users.anna!.username));
        assert.equal(body.visible, false);
        const tenant = check(body, 'TENANT_ASSOCIATED');
        assert.equal(tenant.ok, false);
        assert.equal(tenant.steps.length, 6);
        assert.ok(tenant.explanation.includes(free.domain));
        assert.ok(tenant.steps.some((step) => step.includes(free.domain)));
        assert.equal(tenant.explanation, translate('en-US', 'help.visibility.tenant.missing', { domain: free.domain, account: '' }));
        const role = check(body, 'REWARDS_ROLE');
        assert.equal(role.ok, true);
        assert.deepEqual(role.steps, []);
      });

      it('names the missing role for a plain user of an associated tenant', async () => {
        const p = await createPartner(t, { anna: ['user'] });
        const body = await help(await signIn(t.app, p.users.anna!.username));
        assert.equal(body.visible, false);
        assert.equal(check(body, 'TENANT_ASSOCIATED').ok, true);
        const role = check(body, 'REWARDS_ROLE');
        assert.equal(role.ok, false);
        assert.equal(role.steps.length, 2);
        assert.equal(role.explanation, translate('en-US', 'help.visibility.role.missing'));
      });

      it('speaks Dutch for Accept-Language nl-NL', async () => {
        const free = await createFreeTenant(t, { anna: ['user'] });
        const s = await signIn(t.app, free.users.anna!.username);
        const english = await help(s);
        const dutch = await help(s, { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5' });
        assert.deepEqual(dutch.checks.map((c) => [c.code, c.ok]), [['TENANT_ASSOCIATED', false], ['REWARDS_ROLE', false]]);
        assert.equal(check(dutch, 'TENANT_ASSOCIATED').title, translate('nl-NL', 'help.visibility.tenant.title'));
        assert.equal(check(dutch, 'REWARDS_ROLE').explanation, translate('nl-NL', 'help.visibility.role.missing'));
        assert.notEqual(check(dutch, 'TENANT_ASSOCIATED').title, check(english, 'TENANT_ASSOCIATED').title);
        assert.equal(check(dutch, 'TENANT_ASSOCIATED').steps.length, 6);
        assert.ok(check(dutch, 'TENANT_ASSOCIATED').steps.every((step, i) => step !== check(english, 'TENANT_ASSOCIATED').steps[i]));
      });

      it("the user's saved locale (PATCH /me) overrides Accept-Language, and null follows the browser again", async () => {
        const p = await createPartner(t, { anna: ['user'] });
        const s = await signIn(t.app, p.users.anna!.username);
        const nlTitle = translate('nl-NL', 'help.visibility.role.title');
        const enTitle = translate('en-US', 'help.visibility.role.title');

        assert.equal((await call(t.app, s, 'PATCH', '/api/v1/me', { locale: 'nl-NL' })).statusCode, 200);
        const saved = await help(s, { 'accept-language': 'en-US' });
        assert.equal(check(saved, 'REWARDS_ROLE').title, nlTitle);
        const error = await call(t.app, s, 'PATCH', '/api/v1/me', { locale: 'fr-FR' }, { 'accept-language': 'en-US' });
        assert.equal(error.statusCode, 422);
        assert.equal(errorOf(error).message, translate('nl-NL', 'error.VALIDATION_FAILED'));

        assert.equal((await call(t.app, s, 'PATCH', '/api/v1/me', { locale: null })).statusCode, 200);
        assert.equal(check(await help(s, { 'accept-language': 'en-US' }), 'REWARDS_ROLE').title, enTitle);
        assert.equal(check(await help(s, { 'accept-language': 'nl' }), 'REWARDS_ROLE').title, nlTitle);
      });

      it('a saved locale is used from the sign-in on, whatever the browser says', async () => {
        const p = await createPartner(t, { anna: ['user'] });
        const first = await signIn(t.app, p.users.anna!.username);
        assert.equal((await call(t.app, first, 'PATCH', '/api/v1/me', { locale: 'nl-NL' })).statusCode, 200);
        const second = await signIn(t.app, p.users.anna!.username);
        const body = await help(second, { 'accept-language': 'en-US' });
        assert.equal(check(body, 'REWARDS_ROLE').title, translate('nl-NL', 'help.visibility.role.title'));
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
        assert.equal(fields.username?.code, 'TOO_SHORT');
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
