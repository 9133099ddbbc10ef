import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { ensureEnvOperatorToken } from '../src/modules/identity/identity.service.ts';
import {
  call,
  createTenant,
  engines,
  ops,
  startTestApp,
  unique,
  type Session,
  type TestApp,
} from './helpers.ts';

/** A password no other text would contain by chance. */
const secret = (label: string) => `${label}-${randomBytes(9).toString('base64url')}-Pw!`;
const LABELS = ['admin', 'target', 'added', 'wrongSignIn', 'wrongAssociation', 'unknownField', 'blankName', 'bearer', 'tooLong'] as const;
type Label = (typeof LABELS)[number];

for (const engine of engines()) {
  describe(`secrets stay secret (${engine.name})`, () => {
    let t: TestApp;
    const responses: LightMyRequestResponse[] = [];
    const passwords = {} as Record<Label, string>;
    const tokens: Record<string, string> = {};
    const csrfTokens: string[] = [];

    const record = (response: LightMyRequestResponse) => {
      responses.push(response);
      return response;
    };
    const signInAs = async (username: string, password: string): Promise<Session> => {
      const response = record(await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } }));
      assert.equal(response.statusCode, 200, response.body);
      const cookies = response.cookies as { name: string; value: string }[];
      const session = cookies.find((c) => c.name === 'rewards_session')!.value;
      tokens[`session of ${username}`] = session;
      const csrf = response.json<{ csrfToken: string }>().csrfToken;
      csrfTokens.push(csrf);
      return { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf, body: {} };
    };
    const createUserWith = async (tenantId: string, username: string, password: string, roles: string[]) => {
      const response = record(
        await ops(t, 'POST', `/api/v1/ops/tenants/${tenantId}/users`, { username, displayName: username, email: `${username}@mail.example`, password, roles }),
      );
      assert.equal(response.statusCode, 201, response.body);
    };

    before(async () => {
      t = await startTestApp(engine);
      tokens.operator = t.operatorToken;
      tokens.env = `env-${randomBytes(24).toString('hex')}`;
      await ensureEnvOperatorToken(t.database.db, tokens.env);
      for (const label of LABELS) passwords[label] = secret(label);
      passwords.tooLong = passwords.tooLong.padEnd(240, 'x');

      // Partner A with its admin, created through the operator API with a distinctive password.
      const domain = `${unique('sec')}.example`;
      const tenantId = await createTenant(t, domain);
      const account = record(
        await ops(t, 'POST', '/api/v1/ops/partner-accounts', {
          name: 'Secret Keepers',
          mpnId: String(1_000_000 + Math.floor(Math.random() * 8_000_000_000)),
          companyEmail: `office@${domain}`,
          primaryTenantId: tenantId,
        }),
      );
      assert.equal(account.statusCode, 201, account.body);
      await createUserWith(tenantId, 'admin', passwords.admin, ['global-admin']);

      // A free tenant whose user proves the association.
      const targetDomain = `${unique('tgt')}.example`;
      const targetId = await createTenant(t, targetDomain);
      await createUserWith(targetId, 'owner', passwords.target, ['user']);

      // Sign-in: a wrong password, then the right one.
      const wrong = record(
        await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: `admin@${domain}`, password: passwords.wrongSignIn } }),
      );
      assert.equal(wrong.statusCode, 401);
      const admin = await signInAs(`admin@${domain}`, passwords.admin);

      // Association: failed, then successful.
      const failed = record(await call(t.app, admin, 'POST', '/api/v1/account/tenants', { username: `owner@${targetDomain}`, password: passwords.wrongAssociation }));
      assert.equal(failed.statusCode, 401, failed.body);
      const associated = record(await call(t.app, admin, 'POST', '/api/v1/account/tenants', { username: `owner@${targetDomain}`, password: passwords.target }));
      assert.equal(associated.statusCode, 201, associated.body);

      // An account admin adds a user; that user and the target's user sign in.
      const added = record(
        await call(t.app, admin, 'POST', '/api/v1/account/users', {
          tenantId: targetId,
          username: 'newcomer',
          displayName: 'Newcomer',
          email: 'newcomer@mail.example',
          password: passwords.added,
          roles: ['mpn-partner-admin'],
        }),
      );
      assert.equal(added.statusCode, 201, added.body);
      const newcomer = await signInAs(`newcomer@${targetDomain}`, passwords.added);
      await signInAs(`owner@${targetDomain}`, passwords.target);
      record(await call(t.app, newcomer, 'GET', '/api/v1/me'));
      record(await call(t.app, admin, 'GET', '/api/v1/account/users'));

      // Requests that are refused with a password inside.
      const unknownField = record(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { username: `admin@${domain}`, password: passwords.unknownField, passwordAgain: passwords.unknownField },
        }),
      );
      assert.equal(unknownField.statusCode, 422);
      const tooLong = record(
        await ops(t, 'POST', `/api/v1/ops/tenants/${targetId}/users`, { username: 'long', displayName: 'Long', email: 'l@mail.example', password: passwords.tooLong, roles: [] }),
      );
      assert.equal(tooLong.statusCode, 422);
      const blankName = record(
        await ops(t, 'POST', `/api/v1/ops/tenants/${targetId}/users`, { username: 'blank', displayName: '  ', email: 'b@mail.example', password: passwords.blankName, roles: [] }),
      );
      assert.equal(blankName.statusCode, 422, blankName.body);
      const bearer = record(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${passwords.bearer}` } }));
      assert.equal(bearer.statusCode, 401);
      const envToken = record(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/ops/tenants',
          payload: { domain: `${unique('env')}.example`, displayName: 'Env' },
          headers: { authorization: `Bearer ${tokens.env}` },
        }),
      );
      assert.equal(envToken.statusCode, 201);

      // Sign out, with the session and CSRF token in the request.
      const out = record(await call(t.app, newcomer, 'POST', '/api/v1/auth/sign-out'));
      assert.equal(out.statusCode, 204);
    });
    after(async () => t.close());

    const allSecrets = () => ({ ...passwords, ...tokens });

    it('the logs are written at trace level and cover the requests', () => {
      assert.ok(t.logLines.length >= responses.length, `${t.logLines.length} log lines for ${responses.length} requests`);
      assert.ok(t.logLines.some((line) => line.includes('/api/v1/auth/sign-in')));
      assert.ok(t.logLines.some((line) => line.includes('/api/v1/account/tenants')));
    });

    it('no password, session token, CSRF token or operator token appears in any log line', () => {
      const logs = t.logLines.join('\n');
      for (const [label, value] of Object.entries(allSecrets())) {
        assert.ok(!logs.includes(value), `the ${label} secret appears in the logs`);
      }
      for (const csrf of csrfTokens) assert.ok(!logs.includes(csrf), 'a CSRF token appears in the logs');
    });

    it('no password hash appears in any log line', async () => {
      const logs = t.logLines.join('\n');
      const hashes = await t.database.db.selectFrom('users').select('password_hash').execute();
      assert.equal(hashes.length, 3, 'admin, owner and newcomer');
      for (const { password_hash: hash } of hashes) assert.ok(!logs.includes(hash.split('$').pop()!));
    });

    it('no password, session token or operator token appears in any response body', () => {
      assert.ok(responses.length >= 15);
      for (const response of responses) {
        for (const [label, value] of Object.entries(allSecrets())) {
          assert.ok(!response.body.includes(value), `the ${label} secret appears in a ${response.statusCode} response`);
        }
        assert.ok(!response.body.includes('scrypt$'), 'a password hash appears in a response');
      }
    });

    it('the session token travels only in Set-Cookie, never in another header', () => {
      for (const response of responses) {
        const { 'set-cookie': _cookie, ...headers } = response.headers;
        const text = JSON.stringify(headers);
        for (const [label, value] of Object.entries(allSecrets())) assert.ok(!text.includes(value), `the ${label} secret is in a header`);
      }
    });

    it('no password, session, CSRF or operator token is in the audit log', async () => {
      const rows = await t.database.db.selectFrom('audit_events').selectAll().execute();
      const actions = new Set(rows.map((r) => r.action));
      for (const action of ['session.signed-in', 'tenant.association-failed', 'tenant.associated', 'user.created']) {
        assert.ok(actions.has(action), `the audit log has ${action}`);
      }
      const text = JSON.stringify(rows);
      for (const [label, value] of Object.entries(allSecrets())) assert.ok(!text.includes(value), `the ${label} secret is in the audit log`);
      for (const csrf of csrfTokens) assert.ok(!text.includes(csrf), 'a CSRF token is in the audit log');
    });

    it('users.password_hash holds a salted scrypt hash, never the password', async () => {
      const rows = await t.database.db.selectFrom('users').select(['username', 'password_hash']).execute();
      for (const row of rows) {
        assert.match(row.password_hash, /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
        for (const [label, value] of Object.entries(passwords)) {
          assert.ok(!row.password_hash.includes(value), `${row.username}'s hash contains the ${label} password`);
        }
      }
      assert.equal(new Set(rows.map((r) => r.password_hash)).size, rows.length, 'every hash is salted differently');
    });

    it('sessions and operator tokens are stored only as hashes', async () => {
      const sessions = await t.database.db.selectFrom('sessions').select(['token_hash', 'csrf_token']).execute();
      const operatorTokens = await t.database.db.selectFrom('operator_tokens').select('token_hash').execute();
      assert.ok(sessions.length >= 3 && operatorTokens.length >= 2);
      const text = JSON.stringify({ sessions: sessions.map((s) => s.token_hash), operatorTokens });
      for (const [label, value] of Object.entries(tokens)) assert.ok(!text.includes(value), `the ${label} token is stored in clear`);
    });
  });
}
