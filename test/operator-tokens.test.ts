import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { engines, errorOf, ops, startTestApp, unique, type TestApp } from './helpers.ts';

// Operator tokens (issue #10, section 4): listed without their secrets, revoked at once, optionally
// expiring; and starting without REWARDS_ADMIN_TOKEN revokes the token it had made.

interface TokenRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

for (const engine of engines()) {
  describe(`operator tokens (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    const withToken = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });

    it('created with an expiry, listed without a secret, and refused at once after revocation', async () => {
      const name = unique('ci-');
      const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const created = await ops(t, 'POST', '/api/v1/ops/tokens', { name, expiresAt });
      assert.equal(created.statusCode, 201, created.body);
      const { id, token } = created.json<{ id: string; token: string }>();
      assert.match(token, /^rwd_/);
      assert.equal((await withToken(token, 'GET', '/api/v1/ops/outbox')).statusCode, 200);

      const list = await ops(t, 'GET', '/api/v1/ops/tokens');
      assert.equal(list.statusCode, 200);
      assert.ok(!list.body.includes(token), 'no secret in the list');
      assert.ok(!list.body.includes('hash'), 'no hash either');
      const row = list.json<{ items: TokenRow[] }>().items.find((item) => item.id === id)!;
      assert.equal(row.name, name);
      assert.equal(row.expiresAt, expiresAt);
      assert.ok(row.lastUsedAt, 'its last use is shown');
      assert.equal(row.revokedAt, null);

      assert.equal((await withToken(t.operatorToken, 'DELETE', `/api/v1/ops/tokens/${id}`)).statusCode, 204);
      const refused = await withToken(token, 'GET', '/api/v1/ops/outbox');
      assert.equal(refused.statusCode, 401);
      assert.equal(errorOf(refused).code, 'UNAUTHENTICATED');
      assert.equal((await withToken(t.operatorToken, 'DELETE', `/api/v1/ops/tokens/${id}`)).statusCode, 404, 'revoked once');
      const audit = await t.database.db.selectFrom('audit_events').select(['action', 'actor_type']).where('subject_id', '=', id).orderBy('occurred_at').execute();
      assert.deepEqual(audit.map((a) => [a.action, a.actor_type]), [['operator-token.created', 'operator'], ['operator-token.revoked', 'operator']]);
    });

    it('a token past its expiry is refused; an expiry in the past is not accepted', async () => {
      const past = await ops(t, 'POST', '/api/v1/ops/tokens', { name: unique('old-'), expiresAt: '2020-01-01T00:00:00Z' });
      assert.equal(past.statusCode, 422);
      assert.equal(errorOf(past).fields?.expiresAt?.code, 'NOT_IN_FUTURE');
      const created = (await ops(t, 'POST', '/api/v1/ops/tokens', { name: unique('soon-'), expiresAt: new Date(Date.now() + 60_000).toISOString() })).json<{ id: string; token: string }>();
      assert.equal((await withToken(created.token, 'GET', '/api/v1/ops/outbox')).statusCode, 200);
      await t.database.db.updateTable('operator_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', created.id).execute();
      assert.equal((await withToken(created.token, 'GET', '/api/v1/ops/outbox')).statusCode, 401);
    });

    it('starting without REWARDS_ADMIN_TOKEN revokes the token it had made; starting with it again restores it', async () => {
      const value = `env-${randomBytes(24).toString('hex')}`;
      const start = async (env: Record<string, string>) => {
        const app = await buildApp({ config: loadConfig({ PUBLIC_URL: 'http://localhost:3000', REWARDS_WEB: 'off', ...env }), database: t.database, logger: false });
        await app.ready();
        return app;
      };
      const withEnv = await start({ REWARDS_ADMIN_TOKEN: value });
      assert.equal((await withEnv.inject({ method: 'GET', url: '/api/v1/ops/outbox', headers: { authorization: `Bearer ${value}` } })).statusCode, 200);
      await withEnv.close();
      const without = await start({});
      assert.equal((await without.inject({ method: 'GET', url: '/api/v1/ops/outbox', headers: { authorization: `Bearer ${value}` } })).statusCode, 401);
      await without.close();
      const env = await t.database.db.selectFrom('operator_tokens').select('revoked_at').where('name', '=', 'env').executeTakeFirstOrThrow();
      assert.ok(env.revoked_at);
      const again = await start({ REWARDS_ADMIN_TOKEN: value });
      assert.equal((await again.inject({ method: 'GET', url: '/api/v1/ops/outbox', headers: { authorization: `Bearer ${value}` } })).statusCode, 200);
      await again.close();
    });
  });
}
