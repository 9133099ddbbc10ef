import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as translate } from '../src/platform/i18n/i18n.ts';
import { createPartner, engines, errorOf, PASSWORD, startTestApp, unique, type TestApp } from './helpers.ts';

/**
 * Password guessing: after SIGN_IN_MAX_FAILURES failures for one sign-in name
 * within SIGN_IN_LOCKOUT_MINUTES, that name is refused with 429 (the right
 * password too) until the window has passed; names that do not exist behave
 * the same, and parallel guesses cannot get past the count.
 */
for (const engine of engines()) {
  describe(`sign-in lockout (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { SIGN_IN_MAX_FAILURES: '3', SIGN_IN_LOCKOUT_MINUTES: '10' });
    });
    after(() => t.close());

    const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password }, headers });

    it('refuses the right password after three failures, with 429, Retry-After and the minutes in the user’s language', async () => {
      const p = await createPartner(t, { anna: ['global-admin'] });
      const name = p.users.anna!.username;
      for (let i = 0; i < 3; i += 1) assert.equal((await attempt(name, 'wrong password')).statusCode, 401);
      const locked = await attempt(name, PASSWORD, { 'accept-language': 'nl-NL' });
      assert.equal(locked.statusCode, 429);
      assert.equal(errorOf(locked).code, 'TOO_MANY_ATTEMPTS');
      assert.equal(errorOf(locked).message, translate('nl-NL', 'error.TOO_MANY_ATTEMPTS', { minutes: 10 }));
      const retryAfter = Number(locked.headers['retry-after']);
      assert.ok(retryAfter > 9 * 60 && retryAfter <= 600, `Retry-After ${retryAfter}`);
      assert.equal(locked.cookies.length, 0, 'no session cookie');
      const sessions = await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', p.users.anna!.id).execute();
      assert.equal(sessions.length, 0);
    });

    it('lets the user in again once the failures leave the window, and a success clears the count', async () => {
      const p = await createPartner(t, { ben: ['user'] });
      const name = p.users.ben!.username;
      for (let i = 0; i < 3; i += 1) await attempt(name, 'wrong password');
      assert.equal((await attempt(name, PASSWORD)).statusCode, 429);
      // Eleven minutes later (the failures are moved back rather than the clock forward).
      await t.database.db
        .updateTable('sign_in_failures')
        .set({ failed_at: new Date(Date.now() - 11 * 60_000) })
        .where('username', '=', name)
        .execute();
      assert.equal((await attempt(name, PASSWORD)).statusCode, 200);
      const left = await t.database.db.selectFrom('sign_in_failures').select('username').where('username', '=', name).execute();
      assert.equal(left.length, 0, 'a success forgets the failures');
      for (let i = 0; i < 2; i += 1) await attempt(name, 'wrong password');
      assert.equal((await attempt(name, PASSWORD)).statusCode, 200, 'two new failures are under the limit');
    });

    it('counts per name, whether or not it exists, and in any case or spacing', async () => {
      const p = await createPartner(t, { cleo: ['user'], dirk: ['user'] });
      const ghost = `nobody@${unique('g')}.example`;
      for (let i = 0; i < 3; i += 1) assert.equal((await attempt(ghost, 'guess')).statusCode, 401);
      assert.equal((await attempt(ghost, 'guess')).statusCode, 429, 'an unknown name locks the same way');
      const cleo = p.users.cleo!.username;
      for (let i = 0; i < 3; i += 1) await attempt(`  ${cleo.toUpperCase()} `, 'wrong password');
      assert.equal((await attempt(cleo, PASSWORD)).statusCode, 429);
      assert.equal((await attempt(p.users.dirk!.username, PASSWORD)).statusCode, 200, 'another name is not affected');
    });

    it('a name of only spaces is a validation error, not a counted attempt', async () => {
      const response = await attempt('   ', 'whatever');
      assert.equal(response.statusCode, 422);
      assert.equal(errorOf(response).code, 'VALIDATION_FAILED');
      const rows = await t.database.db.selectFrom('sign_in_failures').select('username').where('username', '=', '').execute();
      assert.equal(rows.length, 0);
    });

    it('parallel guesses are counted exactly: ten at once, three get 401, the rest 429', async () => {
      const p = await createPartner(t, { eve: ['user'] });
      const results = await Promise.all(Array.from({ length: 10 }, () => attempt(p.users.eve!.username, 'wrong password')));
      const codes = results.map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
      const failures = await t.database.db.selectFrom('sign_in_failures').select('username').where('username', '=', p.users.eve!.username).execute();
      assert.equal(failures.length, 3);
    });
  });
}
