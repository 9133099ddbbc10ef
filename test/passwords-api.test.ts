import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { associate, call, createFreeTenant, createPartner, engines, errorOf, PASSWORD, signIn, startTestApp, type TestApp } from './helpers.ts';

// Passwords (issue #10, section 4): NIST SP 800-63B's rules for new passwords, changing one's own
// password (which ends one's other sessions), signing out everywhere, and an admin's reset under the
// same rules as changing a user's email.

const NEW_PASSWORD = 'lantern orchard velvet 77';
const USERS = '/api/v1/account/users';

for (const engine of engines()) {
  describe(`passwords (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { SIGN_IN_MAX_FAILURES: '3' });
    });
    after(async () => t.close());

    const attempt = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
    const me = (session: Awaited<ReturnType<typeof signIn>>) => call(t.app, session, 'GET', '/api/v1/me');

    it('a new password: at least 15 characters, and no common, leaked, patterned or name-based one (in the language of the caller)', async () => {
      const p = await createPartner(t, { admin: ['global-admin'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      const add = (name: string, password: string, language = 'en-US') =>
        call(t.app, admin, 'POST', USERS, { tenantId: p.tenantId, username: name, displayName: name, email: `${name}@mail.${p.domain}`, password, roles: [] }, { 'accept-language': language });
      const short = await add('neo', 'fourteen chars');
      assert.equal(errorOf(short).fields?.password?.code, 'TOO_SHORT');
      for (const weak of ['password1234567', 'aaaaaaaaaaaaaaaaaaaa', 'qwertyuiopasdfghjkl', 'abcdefghijklmnopqrs', 'trinity trinity trinity']) {
        const response = await add('trinity', weak, 'nl-NL');
        assert.equal(response.statusCode, 422, `${weak}: ${response.body}`);
        assert.equal(errorOf(response).fields?.password?.code, 'PASSWORD_TOO_GUESSABLE', weak);
        assert.match(errorOf(response).fields!.password!.message, /te makkelijk te raden/);
      }
      // No composition rules: a long phrase of plain lower-case words is fine.
      assert.equal((await add('morpheus', 'paper kettle mountain river')).statusCode, 201);
    });

    it("changing one's own password asks for the current one, ends the other sessions, keeps this one", async () => {
      const p = await createPartner(t, { admin: ['global-admin'] });
      const here = await signIn(t.app, p.users.admin!.username);
      const elsewhere = await signIn(t.app, p.users.admin!.username);
      const wrong = await call(t.app, here, 'POST', '/api/v1/me/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
      assert.equal(wrong.statusCode, 422);
      assert.equal(errorOf(wrong).fields?.currentPassword?.code, 'CURRENT_PASSWORD_WRONG');
      const weak = await call(t.app, here, 'POST', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'password1234567' });
      assert.equal(errorOf(weak).fields?.newPassword?.code, 'PASSWORD_TOO_GUESSABLE');
      assert.equal((await me(elsewhere)).statusCode, 200, 'a refused change ends nothing');

      const changed = await call(t.app, here, 'POST', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      assert.equal(changed.statusCode, 204, changed.body);
      assert.equal((await me(here)).statusCode, 200, 'this session goes on');
      assert.equal((await me(elsewhere)).statusCode, 401, 'the other session ended');
      assert.equal((await attempt(p.users.admin!.username, PASSWORD)).statusCode, 401);
      assert.equal((await attempt(p.users.admin!.username, NEW_PASSWORD)).statusCode, 200);
    });

    it('wrong current passwords count towards the sign-in lockout: the change is no way around it', async () => {
      const p = await createPartner(t, { admin: ['global-admin'] });
      const session = await signIn(t.app, p.users.admin!.username);
      for (let i = 0; i < 3; i += 1) {
        assert.equal((await call(t.app, session, 'POST', '/api/v1/me/password', { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD })).statusCode, 422);
      }
      const locked = await call(t.app, session, 'POST', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      assert.equal(locked.statusCode, 429, locked.body);
      assert.ok(Number(locked.headers['retry-after']) > 0);
    });

    it('sign out everywhere ends every session of the user, this one too', async () => {
      const p = await createPartner(t, { admin: ['global-admin'], mia: ['user'] });
      const one = await signIn(t.app, p.users.admin!.username);
      const two = await signIn(t.app, p.users.admin!.username);
      const mia = await signIn(t.app, p.users.mia!.username);
      const response = await call(t.app, one, 'POST', '/api/v1/auth/sign-out-everywhere');
      assert.equal(response.statusCode, 204);
      assert.match(String(response.headers['set-cookie']), /rewards_session=;/);
      assert.equal((await me(one)).statusCode, 401);
      assert.equal((await me(two)).statusCode, 401);
      assert.equal((await me(mia)).statusCode, 200, "another user's session is untouched");
    });

    it("an admin resets a user's password under the rules of their email, and the user's sessions end", async () => {
      const p = await createPartner(t, { admin: ['global-admin'], keeper: ['account-admin'], mia: ['user'] });
      const other = await createFreeTenant(t, { olaf: ['user'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      const keeper = await signIn(t.app, p.users.keeper!.username);
      const miaSession = await signIn(t.app, p.users.mia!.username);
      const reset = (session: typeof admin, userId: string, password = NEW_PASSWORD) => call(t.app, session, 'POST', `${USERS}/${userId}/password`, { password });

      const ok = await reset(admin, p.users.mia!.id);
      assert.equal(ok.statusCode, 204, ok.body);
      assert.equal((await me(miaSession)).statusCode, 401, "the user's sessions end");
      assert.equal((await attempt(p.users.mia!.username, NEW_PASSWORD)).statusCode, 200);

      assert.equal((await reset(admin, p.users.admin!.id)).statusCode, 409, 'not your own: Change password asks for the current one');
      assert.equal(errorOf(await reset(admin, p.users.admin!.id)).code, 'CANNOT_RESET_OWN_PASSWORD');
      assert.equal((await reset(keeper, p.users.admin!.id)).statusCode, 403, "an account admin does not reset a Global admin's password");
      assert.equal(errorOf(await reset(admin, p.users.mia!.id, 'password1234567')).fields?.password?.code, 'PASSWORD_TOO_GUESSABLE');

      // Another tenant's own user: not the account's to reset. One the account made there: it is.
      assert.equal((await associate(t.app, admin, other.users.olaf!.username)).statusCode, 201);
      assert.equal((await reset(admin, other.users.olaf!.id)).statusCode, 403);
      assert.equal((await attempt(other.users.olaf!.username, PASSWORD)).statusCode, 200, 'olaf keeps his password');
      const made = await call(t.app, admin, 'POST', USERS, { tenantId: other.tenantId, username: 'temp', displayName: 'Temp', email: `temp@mail.${other.domain}`, password: PASSWORD, roles: [] });
      assert.equal(made.statusCode, 201, made.body);
      assert.equal((await reset(admin, made.json<{ id: string }>().id)).statusCode, 204);

      // A partner account never reaches another account's user: 404, as if there were none.
      const b = await createPartner(t, { boss: ['global-admin'] });
      assert.equal((await reset(admin, b.users.boss!.id)).statusCode, 404);
    });
  });
}
