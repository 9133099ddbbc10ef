import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OperatorRole } from '../src/platform/values.ts';
import { createPartner, engines, errorOf, signIn, startTestApp, type TestApp } from './helpers.ts';
import { operatorSession } from './operator-helpers.ts';

// The whole operator route table (issue #14), read from the OpenAPI document so that a new operation is
// covered the day it is added: every operation refuses an anonymous caller and a partner's session;
// each operator role may call exactly what this table says, checked before the body is read.

/** What a Rewards agent may do besides reading (a manager too, and more: MANAGER_ONLY). */
const AGENT_CHANGES = [
  /^POST \/api\/v1\/ops\/activations\/\{id\}\/contacted$/,
  /^POST \/api\/v1\/ops\/technical-requests\/\{id\}\/transitions$/,
  /^POST \/api\/v1\/ops\/technical-requests\/\{id\}\/messages$/,
  /^POST \/api\/v1\/ops\/sponsorships\/\{id\}\/[a-z-]+$/,
  /^(POST|DELETE) \/api\/v1\/ops\/work\/\{kind\}\/\{id\}\/assignment$/,
  /^POST \/api\/v1\/ops\/work\/\{kind\}\/\{id\}\/contacts$/,
  /^POST \/api\/v1\/ops\/outbox\/\{id\}\/resend$/,
];
/** Reads only an operator admin may make. */
const ADMIN_READS = [/^GET \/api\/v1\/ops\/tokens$/, /^GET \/api\/v1\/ops\/operator-accounts$/];
/** What a Rewards manager may do besides an agent's. */
const MANAGER_ONLY = [
  /^GET \/api\/v1\/ops\/audit-events(\.csv)?$/,
  /^POST \/api\/v1\/ops\/program\/(previews|versions)$/,
  /^(PUT|DELETE) \/api\/v1\/ops\/partners\/\{mpnId\}\/engagement-manager$/,
  /^POST \/api\/v1\/ops\/partners\/\{mpnId\}\/entitlements\/\{id\}\/revocation$/,
];

function agentMay(operation: string): boolean {
  if (MANAGER_ONLY.some((pattern) => pattern.test(operation))) return false;
  if (operation.startsWith('GET ')) return !ADMIN_READS.some((pattern) => pattern.test(operation));
  return AGENT_CHANGES.some((pattern) => pattern.test(operation));
}
const mayCall = (role: OperatorRole, operation: string) =>
  role === 'operator-admin' || agentMay(operation) || (role === 'rewards-manager' && MANAGER_ONLY.some((pattern) => pattern.test(operation)));

for (const engine of engines()) {
  describe(`the operator route table (${engine.name})`, () => {
    let t: TestApp;
    let operations: { method: string; path: string; url: string }[];
    before(async () => {
      t = await startTestApp(engine);
      const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
      operations = Object.entries(document.paths)
        .filter(([path]) => path.startsWith('/api/v1/ops/'))
        .flatMap(([path, methods]) =>
          Object.keys(methods)
            .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
            .map((method) => ({ method: method.toUpperCase(), path, url: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000') })),
        );
    });
    after(async () => t.close());

    it('has operations to check, and says in the document that an operator role may be refused', async () => {
      assert.ok(operations.length >= 25, `only ${operations.length} operator operations found`);
      const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { responses: Record<string, unknown>; security: unknown[] }>> }>();
      for (const { method, path } of operations) {
        const operation = document.paths[path]![method.toLowerCase()]!;
        assert.ok(operation.responses['403'], `${method} ${path} documents 403`);
        assert.equal(operation.security.length, 2, `${method} ${path}: a token or an operator's session`);
      }
    });

    it("refuses every operator operation to an anonymous caller and to a partner's session", async () => {
      const partner = await createPartner(t, { admin: ['global-admin'] });
      const session = await signIn(t.app, partner.users.admin!.username);
      for (const { method, path, url } of operations) {
        const anonymous = await t.app.inject({ method: method as 'GET', url });
        assert.equal(anonymous.statusCode, 401, `${method} ${path} anonymous`);
        const asPartner = await t.app.inject({ method: method as 'GET', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
        assert.equal(asPartner.statusCode, 401, `${method} ${path} as a partner's Global admin`);
      }
    });

    for (const role of ['rewards-agent', 'rewards-manager', 'operator-admin'] as const) {
      it(`lets a ${role} call exactly what the role may`, async () => {
        const session = await operatorSession(t.app, t, role);
        for (const { method, path, url } of operations) {
          const response = await t.app.inject({ method: method as 'GET', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
          const operation = `${method} ${path}`;
          if (mayCall(role, operation)) {
            assert.ok(![401, 403].includes(response.statusCode), `${operation} as ${role}: ${response.statusCode} ${response.body}`);
          } else {
            assert.equal(response.statusCode, 403, `${operation} as ${role}: ${response.body}`);
            assert.equal(errorOf(response).code, 'FORBIDDEN', operation);
          }
        }
      });
    }
  });
}
