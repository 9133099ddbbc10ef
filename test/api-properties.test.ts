import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { ERROR_CODES } from '../src/platform/errors.ts';
import { createPartner, engines, signIn, startTestApp, type Session, type TestApp } from './helpers.ts';

// A property of the whole API (issue #10): whatever a client sends to any operation of the served
// OpenAPI document, the answer is never a 5xx; a refusal has the documented error shape with a stable
// code and a message in the caller's language; and a refusal changes nothing. The inputs are generated
// (fast-check) from each operation's own parameters and body properties, mixed with values that were
// 500s once: NUL, lone surrogates, year 10000, year 0, money past storage, huge strings and numbers,
// wrong types. Each operation is called as the caller it is meant for (a session with its CSRF token,
// or the operator token), so the input reaches validation and the services, not only the access check.

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' }[];
  bodyProperties: string[] | null;
  /** The statuses the document says the operation answers. */
  statuses: Set<number>;
}

type Json = Record<string, unknown>;

function operationsOf(document: Json): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = ((operation.parameters ?? []) as { name: string; in: string }[]).filter(
        (p): p is { name: string; in: 'path' | 'query' } => p.in === 'path' || p.in === 'query',
      );
      const schema = ((operation.requestBody as Json | undefined)?.content as Record<string, { schema: Json }> | undefined)?.['application/json']?.schema;
      const properties = schema?.properties as Json | undefined;
      const statuses = new Set(Object.keys((operation.responses ?? {}) as Json).map(Number));
      operations.push({ method: method.toUpperCase(), path, parameters, bodyProperties: schema ? Object.keys(properties ?? {}) : null, statuses });
    }
  }
  return operations;
}

/** Values that were 500s once, and the usual suspects of any API. */
const nasty = fc.constantFrom<unknown>(
  'a\u0000b',
  'x\ud800',
  '\udc00y',
  '9999-12-31T23:30:00-01:00',
  '0000-01-01T00:00:00Z',
  '2026-01-01T00:00:00+16:00',
  '99999999999999.99',
  '-1',
  '',
  ' ',
  'x'.repeat(5000),
  1e308,
  -1,
  0,
  2 ** 53,
  true,
  null,
  [],
  {},
  ['global-admin', 'global-admin'],
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
);
const value = fc.oneof({ weight: 3, arbitrary: nasty }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) });

const BAD_VALUES: unknown[] = ['a\u0000b', 'x\ud800', '\udc00y', '9999-12-31T23:30:00-01:00', '0000-01-01T00:00:00Z', '2026-01-01T00:00:00+16:00', '99999999999999.99', '', 'x'.repeat(5000), 1e308, -1, null, [], {}, ['global-admin', 'global-admin']];
const BAD_SEGMENTS = ['%00', 'a%00b', '%ED%A0%80', '%zz', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000', '..', '%2F', '%20'];
const KNOWN_CODES = new Set<string>([...ERROR_CODES, 'BAD_REQUEST', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']);

/** A path segment: text (percent-encoded when it can be), or raw bytes that are no UTF-8. */
const segment = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 0, maxLength: 30 }).map((text) => encodeURIComponent(text) || 'x'),
  fc.constantFrom('%00', '%ED%A0%80', '%zz', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000', '..', '%2F'),
);

/**
 * A valid value for each body property the API has, so that a generated body is mostly valid with a
 * bad value or two: the bad value then reaches the services and the database, not only the schema.
 * Ids that must exist are filled in once the suite has made them (see `known`).
 */
const known: Record<string, unknown> = {};
function goodValue(name: string): unknown {
  const good: Record<string, unknown> = {
    username: 'someone@example.com',
    password: 'a long enough password',
    displayName: 'Someone',
    name: 'Some name',
    email: 'someone@mail.example.com',
    companyEmail: 'office@mail.example.com',
    roles: ['admin-agent'],
    domain: 'generated.example',
    mpnId: '123456789',
    listingType: 'transact',
    status: 'live',
    liveAt: '2026-01-01T00:00:00Z',
    delistedAt: null,
    locale: 'nl-NL',
    phone: '020 123 4567',
    phoneCountry: 'NL',
    preferredLanguage: 'nl-NL',
    note: 'Called them.',
    offerId: 'o-generated',
    amountUsd: '10.00',
    billedAt: '2026-01-01T00:00:00Z',
    items: [{ id: 's-generated', offerId: 'o-generated', amountUsd: '10.00', billedAt: '2026-01-01T00:00:00Z', status: 'billed' }],
    ...known,
  };
  return good[name] ?? 'x';
}

function bodyFor(operation: Operation): fc.Arbitrary<unknown> {
  if (operation.bodyProperties === null) return fc.constant(undefined);
  const props = operation.bodyProperties;
  const property = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(goodValue(name)) },
      { weight: 2, arbitrary: value },
      // One bad value inside an otherwise good list item (a billed-sale line).
      { weight: name === 'items' ? 2 : 0, arbitrary: fc.record({ id: value, offerId: value, amountUsd: value, billedAt: value, status: value }, { requiredKeys: [] }).map((bad) => [{ ...(goodValue('items') as Json[])[0], ...bad }]) },
    );
  // Every property present (a missing one stops the request at the schema), now and then one too many.
  const shaped = fc
    .record(Object.fromEntries(props.map((name) => [name, property(name)])))
    .chain((body) =>
      fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value }).map((extra) => (extra === undefined ? body : { ...body, unexpected: extra })),
    );
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
}

/** Every message of a catalog as a pattern: its {placeholders} (ICU arguments) match anything. */
function catalogPatterns(locale: string): RegExp[] {
  const catalog = JSON.parse(fs.readFileSync(new URL(`../locales/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return Object.values(catalog).map((message) => {
    // Plural and select arguments ({n, plural, one {...} other {...}}) and simple ones ({name}) alike.
    let depth = 0;
    let out = '';
    for (const char of message) {
      if (char === '{') {
        if (depth === 0) out += '.*';
        depth += 1;
      } else if (char === '}') depth = Math.max(0, depth - 1);
      else if (depth === 0) out += escape(char);
    }
    return new RegExp(`^${out}$`, 's');
  });
}

/** Everything a refusal must leave as it was; the tables that record attempts themselves are left out. */
const UNCHANGED_TABLES = [
  'tenants',
  'partner_accounts',
  'users',
  'publisher_profiles',
  'offers',
  'billed_sales',
  'partner_eligibility',
  'entitlements',
  'entitlement_events',
  'marketing_contacts',
  'activations',
  'outbox',
  'program_versions',
];

for (const engine of engines()) {
  describe(`every operation, generated bad input (${engine.name})`, () => {
    let t: TestApp;
    let session: Session;
    let operations: Operation[];
    const dutch = catalogPatterns('nl-NL');

    before(async () => {
      t = await startTestApp(engine);
      const p = await createPartner(t, { admin: ['global-admin'] });
      session = await signIn(t.app, p.users.admin!.username);
      // What the good values refer to: this partner's tenant, user, publisher profile and offer.
      const profile = `pp-${p.mpnId}`;
      await t.app.inject({ method: 'PUT', url: `/api/v1/ops/publisher-profiles/${profile}`, headers: { authorization: `Bearer ${t.operatorToken}` }, payload: { name: 'Main', mpnId: p.mpnId } });
      Object.assign(known, { tenantId: p.tenantId, primaryTenantId: p.tenantId, userId: p.users.admin!.id, publisherProfileId: profile, mpnId: p.mpnId });
      operations = operationsOf((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Json>());
    });
    after(async () => t.close());

    // One round trip: a digest of every table a refusal must leave alone.
    const fingerprint = async () => {
      const parts = UNCHANGED_TABLES.map((table) => sql`(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from ${sql.table(table)} r)`);
      const row = await sql<{ digest: string }>`select concat_ws(' ', ${sql.join(parts)}) as digest`.execute(t.database.db);
      return row.rows[0]!.digest;
    };

    /** Sends one input to one operation as its caller, and checks the answer; returns the status. */
    const check = async (operation: Operation, path: Record<string, string>, query: Record<string, string>, body: unknown) => {
      const anonymous = operation.path.startsWith('/api/v1/auth/');
      const operator = operation.path.startsWith('/api/v1/ops/');
      const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => path[name] ?? 'x');
      const search = new URLSearchParams(query).toString();
      const headers: Record<string, string> = { 'accept-language': 'nl-NL' };
      if (operator) headers.authorization = `Bearer ${t.operatorToken}`;
      // Signing out would end the session the other operations use: auth/* is called without one.
      else if (!anonymous) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
      const before = await fingerprint();
      const response = await t.app.inject({
        method: operation.method as 'GET',
        url: search ? `${url}?${search}` : url,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      const where = `${operation.method} ${url.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 200)} -> ${response.statusCode} ${response.body.slice(0, 300)}`;
      assert.ok(response.statusCode < 500, where);
      // The document lists what the operation really answers: a client generated from it knows every status.
      assert.ok(operation.statuses.has(response.statusCode), `status ${response.statusCode} not in the document (${[...operation.statuses].join(', ')}): ${where}`);
      if (response.statusCode < 400) return response.statusCode;
      const error = response.json<{ error?: { code?: unknown; message?: unknown; fields?: Record<string, { code: string; message: string }> } }>().error;
      assert.ok(error && typeof error.code === 'string', `no error shape: ${where}`);
      assert.ok(KNOWN_CODES.has(error.code), `unknown code: ${where}`);
      assert.ok(typeof error.message === 'string' && dutch.some((pattern) => pattern.test(error.message as string)), `message not from the Dutch catalog: ${where}`);
      for (const field of Object.values(error.fields ?? {})) {
        assert.ok(dutch.some((pattern) => pattern.test(field.message)), `field message not Dutch: ${where}`);
      }
      assert.equal(await fingerprint(), before, `a refusal changed something: ${where}`);
      return response.statusCode;
    };

    it('the document lists the operations this test walks', () => {
      assert.ok(operations.length >= 25, `only ${operations.length} operations`);
    });

    it('one bad value at a time, in every parameter and body property of every operation: no 5xx, a Dutch refusal, nothing changed', async () => {
      let sent = 0;
      for (const operation of operations) {
        const goodPath = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, 'x']));
        const goodBody = operation.bodyProperties === null ? undefined : Object.fromEntries(operation.bodyProperties.map((name) => [name, goodValue(name)]));
        for (const name of Object.keys(goodPath)) {
          for (const bad of BAD_SEGMENTS) sent += Number(Boolean(await check(operation, { ...goodPath, [name]: bad }, {}, goodBody)));
        }
        for (const name of operation.bodyProperties ?? []) {
          for (const bad of BAD_VALUES) sent += Number(Boolean(await check(operation, goodPath, {}, { ...(goodBody as Json), [name]: bad })));
        }
        const items = (goodBody)?.items as Json[] | undefined;
        for (const field of Object.keys(items?.[0] ?? {})) {
          for (const bad of BAD_VALUES) sent += Number(Boolean(await check(operation, goodPath, {}, { ...(goodBody as Json), items: [{ ...items![0], [field]: bad }] })));
        }
      }
      assert.ok(sent > 500, `only ${sent} requests`);
    });

    it('generated inputs (fast-check) to every operation: no 5xx, a Dutch refusal, nothing changed', async () => {
      for (const operation of operations) {
        const input = fc.record({
          path: fc.record(Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, segment]))),
          query: fc.dictionary(fc.constantFrom(...operation.parameters.filter((p) => p.in === 'query').map((p) => p.name), 'x', 'limit'), fc.string({ maxLength: 20 })),
          body: bodyFor(operation),
        });
        await fc.assert(
          fc.asyncProperty(input, async ({ path, query, body }) => {
            await check(operation, path, query, body);
          }),
          { numRuns: 10, seed: Number(process.env.FAST_CHECK_SEED ?? 20261202), endOnFailure: true },
        );
      }
    });
  });
}
