import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildOpenApiDocument } from '../src/server/openapi-document.ts';

// The served OpenAPI document, checked by a real linter (Redocly's, the one `redocly lint` runs) with
// its recommended rules, every warning included; and what a generated client needs of it (issue #10,
// section 5): an operationId on every operation, defined tags, security declared per operation.

/** Warnings that are right as they are: liveness and readiness take no input, so no 4XX is theirs to answer. */
const ACCEPTED = new Set(['operation-4xx-response #/paths/~1healthz/get/responses', 'operation-4xx-response #/paths/~1readyz/get/responses']);

type Operation = { operationId?: string; tags?: string[]; security?: unknown[] };

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended rules with no error and no warning but the accepted ones", async () => {
    const document = await buildOpenApiDocument();
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    const found = problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}`);
    const unexpected = problems.filter((p, i) => !ACCEPTED.has(found[i]!)).map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
    assert.deepEqual(unexpected, []);
  });

  it('every operation has a unique operationId, a defined tag and its security declared', async () => {
    const document = (await buildOpenApiDocument()) as { tags: { name: string }[]; paths: Record<string, Record<string, Operation>> };
    const tags = new Set(document.tags.map((tag) => tag.name));
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        assert.match(operation.operationId ?? '', /^[a-z][A-Za-z]+$/, `${where}: operationId`);
        assert.ok(!ids.has(operation.operationId!), `${where}: operationId ${operation.operationId} twice`);
        ids.add(operation.operationId!);
        assert.ok(operation.tags?.length && operation.tags.every((tag) => tags.has(tag)), `${where}: tags ${JSON.stringify(operation.tags)}`);
        assert.ok(Array.isArray(operation.security), `${where}: security`);
        // Signing in (both steps of an operator's) needs no session; an operator operation takes a token or an operator's session.
        const open = path === '/api/v1/auth/sign-in' || path === '/api/v1/auth/operator/second-factor' || !path.startsWith('/api/v1/');
        const expected = path.startsWith('/api/v1/ops/') ? 'operatorToken' : open ? null : 'session';
        if (expected === 'operatorToken') assert.ok(operation.security.some((scheme) => 'session' in (scheme as object) && 'csrfToken' in (scheme as object)), `${where}: an operator's session`);
        if (expected === null) assert.deepEqual(operation.security, [], where);
        else assert.ok(operation.security.some((scheme) => expected in (scheme as object)), `${where}: ${JSON.stringify(operation.security)}`);
        if (expected === 'session' && method !== 'get') assert.ok(operation.security.some((scheme) => 'csrfToken' in (scheme as object)), `${where}: the CSRF header`);
      }
    }
    assert.ok(ids.size >= 38, `${ids.size} operations`);
  });
});
