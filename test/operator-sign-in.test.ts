import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { systemContext } from '../src/platform/context.ts';
import type { OperatorRole } from '../src/platform/values.ts';
import { createOperator } from '../src/modules/operators/operators.service.ts';
import { createPartner, engines, errorOf, PASSWORD, signIn, startTestApp, testClock, unique, type TestApp } from './helpers.ts';

// The Rewards team's operators (issue #14): the same sign-in, then a second factor (TOTP, enrolled at
// the first sign-in, with recovery codes), refused and rate-limited when wrong; an operator's session
// opens the operator API as far as the role allows, and never a partner's API.

const START = new Date('2026-12-01T09:00:00Z');

interface Pending {
  cookie: string;
  body: { secondFactor: 'enroll' | 'verify'; enrollment: { secret: string; uri: string } | null };
}

interface OperatorSession {
  cookie: string;
  csrf: string;
  recoveryCodes: string[] | null;
}

const cookiesOf = (response: { cookies: unknown }) => (response.cookies as { name: string; value: string }[]).filter((c) => c.value !== '').map((c) => `${c.name}=${c.value}`).join('; ');

async function passwordStep(app: FastifyInstance, username: string, password = PASSWORD): Promise<Pending> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
  assert.equal(response.statusCode, 202, response.body);
  const names = (response.cookies as { name: string }[]).map((c) => c.name);
  assert.deepEqual(names, ['rewards_operator_pending'], 'only the pending sign-in, no session yet');
  return { cookie: cookiesOf(response), body: response.json() };
}

function secondFactor(app: FastifyInstance, pending: Pending, proof: { code?: string; recoveryCode?: string }) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/operator/second-factor', payload: proof, headers: { cookie: pending.cookie } });
}

async function signedIn(response: Awaited<ReturnType<typeof secondFactor>>): Promise<OperatorSession> {
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json<{ csrfToken: string; recoveryCodes: string[] | null }>();
  const cookie = (response.cookies as { name: string; value: string }[])
    .filter((c) => c.name === 'rewards_session' || c.name === 'rewards_csrf')
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  return { cookie, csrf: body.csrfToken, recoveryCodes: body.recoveryCodes };
}

const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

for (const engine of engines()) {
  describe(`operator sign-in with a second factor (${engine.name})`, () => {
    let t: TestApp;
    const clock = testClock();
    before(async () => {
      t = await startTestApp(engine, {}, { clock });
    });
    afterEach(() => clock.reset());
    after(async () => t.close());

    async function newOperator(role: OperatorRole) {
      const username = `${unique('op')}@rewards-team.example`;
      await createOperator(t.database.db, { username, displayName: `Operator ${role}`, email: username, role, password: PASSWORD }, systemContext());
      return username;
    }

    /** Enrolled and signed in: the session, and the secret its authenticator holds. */
    async function enrolled(role: OperatorRole, at = START) {
      const username = await newOperator(role);
      clock.set(at);
      const pending = await passwordStep(t.app, username);
      const secret = pending.body.enrollment!.secret;
      const session = await signedIn(await secondFactor(t.app, pending, { code: await codeAt(secret, at) }));
      return { username, secret, session };
    }

    it('enrolls at the first sign-in, gives ten recovery codes once, and asks only for the code after that', async () => {
      const username = await newOperator('rewards-agent');
      clock.set(START);
      const first = await passwordStep(t.app, username);
      assert.equal(first.body.secondFactor, 'enroll');
      assert.match(first.body.enrollment!.uri, /^otpauth:\/\/totp\/Marketplace%20Rewards:/);
      const secret = first.body.enrollment!.secret;
      const session = await signedIn(await secondFactor(t.app, first, { code: await codeAt(secret, START) }));
      assert.equal(session.recoveryCodes?.length, 10);
      assert.equal(new Set(session.recoveryCodes).size, 10);
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/ops/me', headers: { cookie: session.cookie } });
      assert.equal(me.statusCode, 200, me.body);
      assert.deepEqual(
        (({ kind, operator }) => ({ kind, username: operator.username, role: operator.role }))(me.json<{ kind: string; operator: { username: string; role: string } }>()),
        { kind: 'operator', username, role: 'rewards-agent' },
      );

      clock.set(new Date(START.getTime() + 60_000));
      const again = await passwordStep(t.app, username);
      assert.deepEqual([again.body.secondFactor, again.body.enrollment], ['verify', null], 'no new secret once enrolled');
      const second = await signedIn(await secondFactor(t.app, again, { code: await codeAt(secret, new Date(START.getTime() + 60_000)) }));
      assert.equal(second.recoveryCodes, null, 'recovery codes are shown once');
      const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'operator.%').where('subject_id', 'is not', null).execute();
      assert.ok(audit.filter((a) => a.action === 'operator.signed-in').length >= 2);
    });

    it('refuses a wrong code, a code used before, and ends the sign-in at the fifth wrong one', async () => {
      const { username, secret } = await enrolled('rewards-agent');
      // The same code again (the same 30 seconds): a replay, refused.
      const replay = await passwordStep(t.app, username);
      const replayed = await secondFactor(t.app, replay, { code: await codeAt(secret, START) });
      assert.equal(replayed.statusCode, 401);
      assert.equal(errorOf(replayed).code, 'SECOND_FACTOR_INVALID');
      assert.match(errorOf(replayed).message, /authenticator/);

      clock.set(new Date(START.getTime() + 120_000));
      const pending = await passwordStep(t.app, username);
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const wrong = await secondFactor(t.app, pending, { code: '000000' });
        assert.equal(errorOf(wrong).code, 'SECOND_FACTOR_INVALID', `attempt ${attempt}`);
      }
      const fifth = await secondFactor(t.app, pending, { code: '000000' });
      assert.equal(fifth.statusCode, 429);
      assert.equal(errorOf(fifth).code, 'TOO_MANY_ATTEMPTS');
      // The right code no longer helps: that sign-in is over; the password must be given again.
      const late = await secondFactor(t.app, pending, { code: await codeAt(secret, new Date(START.getTime() + 120_000)) });
      assert.equal(late.statusCode, 401);
      assert.equal(errorOf(late).code, 'UNAUTHENTICATED');
      const fresh = await passwordStep(t.app, username);
      await signedIn(await secondFactor(t.app, fresh, { code: await codeAt(secret, new Date(START.getTime() + 120_000)) }));
    });

    it('wrong codes count with wrong passwords: guessing over many sign-ins meets the lockout', async () => {
      const { username } = await enrolled('rewards-agent');
      // The limit is 10 failed attempts a name (SIGN_IN_MAX_FAILURES): each sign-in's password counts
      // until a whole sign-in succeeds, and so does each wrong code.
      const first = await passwordStep(t.app, username);
      for (let attempt = 0; attempt < 4; attempt += 1) assert.equal(errorOf(await secondFactor(t.app, first, { code: '000000' })).code, 'SECOND_FACTOR_INVALID');
      const second = await passwordStep(t.app, username);
      for (let attempt = 0; attempt < 4; attempt += 1) assert.equal(errorOf(await secondFactor(t.app, second, { code: '000000' })).code, 'SECOND_FACTOR_INVALID');
      const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password: PASSWORD } });
      assert.equal(locked.statusCode, 429, 'the right password is refused once the name has met the limit');
      assert.equal(errorOf(locked).code, 'TOO_MANY_ATTEMPTS');
    });

    it('a pending sign-in opens nothing, expires, and a wrong password never reaches the second factor', async () => {
      const { username, secret } = await enrolled('operator-admin');
      clock.set(new Date(START.getTime() + 300_000));
      const pending = await passwordStep(t.app, username);
      for (const url of ['/api/v1/ops/me', '/api/v1/ops/outbox', '/api/v1/me']) {
        const response = await t.app.inject({ method: 'GET', url, headers: { cookie: pending.cookie } });
        assert.equal(response.statusCode, 401, `${url} with only the password given`);
      }
      clock.set(new Date(START.getTime() + 300_000 + 11 * 60_000));
      const expired = await secondFactor(t.app, pending, { code: await codeAt(secret, new Date(START.getTime() + 300_000 + 11 * 60_000)) });
      assert.equal(expired.statusCode, 401);
      assert.equal(errorOf(expired).code, 'UNAUTHENTICATED');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password: 'not the password at all' } });
      assert.equal(wrong.statusCode, 401);
      assert.equal(errorOf(wrong).code, 'INVALID_CREDENTIALS');
      assert.equal((wrong.cookies as unknown[]).length, 0);
      const none = await t.app.inject({ method: 'POST', url: '/api/v1/auth/operator/second-factor', payload: { code: '123456' } });
      assert.equal(none.statusCode, 401);
    });

    it('a recovery code stands in for the authenticator, once', async () => {
      const { username, session } = await enrolled('rewards-manager');
      const code = session.recoveryCodes![3]!;
      const pending = await passwordStep(t.app, username);
      await signedIn(await secondFactor(t.app, pending, { recoveryCode: code.toUpperCase() }));
      const again = await passwordStep(t.app, username);
      const reused = await secondFactor(t.app, again, { recoveryCode: code });
      assert.equal(errorOf(reused).code, 'SECOND_FACTOR_INVALID');
    });

    it("each role opens what it may of the operator API; an operator's session is never a partner's, nor the reverse", async () => {
      const agent = (await enrolled('rewards-agent')).session;
      const admin = (await enrolled('operator-admin', new Date(START.getTime() + 30_000))).session;
      const as = (session: OperatorSession, method: 'GET' | 'POST', url: string, payload?: object, csrf = true) =>
        t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrf } : {}) } });

      assert.equal((await as(agent, 'GET', '/api/v1/ops/activations')).statusCode, 200, 'an agent reads the queue');
      const tokens = await as(agent, 'GET', '/api/v1/ops/tokens');
      assert.equal(tokens.statusCode, 403);
      assert.equal(errorOf(tokens).code, 'FORBIDDEN');
      const created = await as(agent, 'POST', '/api/v1/ops/tokens', { name: unique('agent-') });
      assert.equal(created.statusCode, 403, 'an agent makes no API tokens');
      assert.equal((await as(admin, 'POST', '/api/v1/ops/tokens', { name: unique('admin-') })).statusCode, 201, 'an operator admin does');
      const noCsrf = await as(admin, 'POST', '/api/v1/ops/tokens', { name: unique('admin-') }, false);
      assert.equal(noCsrf.statusCode, 403);
      assert.equal(errorOf(noCsrf).code, 'CSRF_TOKEN_INVALID');
      // Never a partner member: the partner API does not know the operator's session.
      assert.equal((await as(admin, 'GET', '/api/v1/me')).statusCode, 401);
      assert.equal((await as(admin, 'GET', '/api/v1/rewards')).statusCode, 401);
      // And a partner's session opens no operator operation.
      const partner = await createPartner(t, { admin: ['global-admin'] });
      const session = await signIn(t.app, partner.users.admin!.username);
      for (const url of ['/api/v1/ops/me', '/api/v1/ops/activations', '/api/v1/ops/tokens']) {
        const response = await t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
        assert.equal(response.statusCode, 401, url);
      }
      // Signing out ends the operator's session.
      assert.equal((await as(agent, 'POST', '/api/v1/auth/sign-out')).statusCode, 204);
      assert.equal((await as(agent, 'GET', '/api/v1/ops/me')).statusCode, 401);
    });

    it("every read of the operator API is on record with the operator who made it, before it is answered", async () => {
      const { username, session } = await enrolled('rewards-agent');
      const operatorId = (await t.database.db.selectFrom('operators').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
      const read = await t.app.inject({ method: 'GET', url: '/api/v1/ops/activations?limit=5', headers: { cookie: session.cookie } });
      assert.equal(read.statusCode, 200, read.body);
      const rows = await t.database.db
        .selectFrom('audit_events')
        .select(['actor_type', 'subject_id', 'details', 'request_id'])
        .where('action', '=', 'operator.read')
        .where('actor_id', '=', operatorId)
        .execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.actor_type, 'operator');
      assert.equal(rows[0]!.subject_id, 'GET /api/v1/ops/activations');
      const details = (typeof rows[0]!.details === 'string' ? JSON.parse(rows[0]!.details) : rows[0]!.details) as { via: string; query: { limit: number } };
      assert.deepEqual([details.via, details.query.limit], ['session', 5]);
      assert.equal(rows[0]!.request_id, read.headers['x-request-id']);
      // Who is calling is no partner's data; and a token's reads are on record under the token.
      await t.app.inject({ method: 'GET', url: '/api/v1/ops/me', headers: { cookie: session.cookie } });
      assert.equal((await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'operator.read').where('actor_id', '=', operatorId).execute()).length, 1);
      const before = (await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'operator.read').execute()).length;
      await t.app.inject({ method: 'GET', url: '/api/v1/ops/outbox', headers: { authorization: `Bearer ${t.operatorToken}` } });
      assert.equal((await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'operator.read').execute()).length, before + 1);
    });

    it("a partner user given an operator's name later keeps signing in as the partner user", async () => {
      const partner = await createPartner(t, { admin: ['global-admin'] });
      const username = `twin@${partner.domain}`;
      await createOperator(t.database.db, { username, displayName: 'Operator twin', email: 'twin@rewards-team.example', role: 'operator-admin', password: 'another long pass phrase' }, systemContext());
      const created = await t.app.inject({
        method: 'POST',
        url: `/api/v1/ops/tenants/${partner.tenantId}/users`,
        headers: { authorization: `Bearer ${t.operatorToken}` },
        payload: { username, displayName: 'Partner twin', email: `twin@mail.${partner.domain}`, password: PASSWORD, roles: ['user'] },
      });
      assert.equal(created.statusCode, 201, created.body);
      const signedIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password: PASSWORD } });
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      assert.equal(signedIn.json<{ user: { displayName: string } }>().user.displayName, 'Partner twin');
    });

    it('an operator name is one no partner user has', async () => {
      const partner = await createPartner(t, { someone: ['user'] });
      await assert.rejects(
        createOperator(t.database.db, { username: partner.users.someone!.username, displayName: 'Twin', email: 'twin@rewards-team.example', role: 'rewards-agent', password: PASSWORD }, systemContext()),
        (error: { code?: string; options?: { fields?: Record<string, { code: string }> } }) => error.code === 'VALIDATION_FAILED' && error.options?.fields?.username?.code === 'USERNAME_TAKEN',
      );
    });
  });
}
