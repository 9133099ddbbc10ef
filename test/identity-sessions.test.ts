import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, createPartner, engines, errorOf, PASSWORD, signIn, startTestApp, type MeBody, type TestApp } from './helpers.ts';
import { identityHelpers, SIGN_OUT } from './identity-helpers.ts';

// The identity API, part 1: sign-in, /me and sessions. CSRF, origin and error
// bodies are in identity-csrf-errors.test.ts; navigation visibility and its
// help in identity-visibility.test.ts.

for (const engine of engines()) {
  describe(`identity (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    const { signInRaw } = identityHelpers(() => t);

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
  });
}
