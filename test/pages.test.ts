import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { associate, call, createFreeTenant, engines, errorOf, ops, signIn, startTestApp, type Session, type TestApp } from './helpers.ts';
import { createSalesPartner, type SalesPartner } from './benefits-helpers.ts';

// Every list endpoint answers a page at a time with a cursor to the next page (issue #10, section 5):
// walking a list a page at a time gives exactly the whole list, in its order, once each.

interface ListBody {
  items: { id?: string; username?: string; name?: string }[];
  nextCursor: string | null;
}

const keyOf = (item: ListBody['items'][number]) => item.id ?? item.name ?? '';

/** Reads the whole list in one page, then page by page at `limit`, and checks they agree. */
async function walk(get: (query: string) => Promise<LightMyRequestResponse>, limit: number) {
  const whole = await get('limit=200');
  assert.equal(whole.statusCode, 200, whole.body);
  const all = whole.json<ListBody>();
  assert.equal(all.nextCursor, null, 'one page holds the whole list');
  const walked: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await get(`limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(page.statusCode, 200, page.body);
    const body = page.json<ListBody>();
    assert.ok(body.items.length <= limit, 'no page is longer than asked');
    if (body.nextCursor) assert.equal(body.items.length, limit, 'only the last page is short');
    walked.push(...body.items.map(keyOf));
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  assert.deepEqual(walked, all.items.map(keyOf), 'the pages are the list, in order, each item once');
  return { items: all.items, pages };
}

for (const engine of engines()) {
  describe(`pages of every list (${engine.name})`, () => {
    let t: TestApp;
    let p: SalesPartner;
    let admin: Session;
    before(async () => {
      t = await startTestApp(engine);
      p = await createSalesPartner(t, {
        admin: ['global-admin', 'mpn-partner-admin'],
        bea: ['user'],
        carl: ['user'],
        dana: ['user'],
        eve: ['user'],
      });
      admin = await signIn(t.app, p.users.admin!.username);
      for (let i = 0; i < 2; i++) {
        const other = await createFreeTenant(t, { owner: ['global-admin'] });
        const associated = await associate(t.app, admin, other.users.owner!.username);
        assert.equal(associated.statusCode, 201, associated.body);
      }
      for (let i = 0; i < 3; i++) assert.equal((await ops(t, 'POST', '/api/v1/ops/tokens', { name: `pages-${i}` })).statusCode, 201);
    });
    after(async () => t.close());

    const joined = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;
    const member = (url: string) => (query: string) => call(t.app, admin, 'GET', joined(url, query));
    const operator = (url: string) => (query: string) => ops(t, 'GET', joined(url, query));

    it("the account's users, tenants, contact candidates, benefits and activations", async () => {
      const users = await walk(member('/api/v1/account/users'), 2);
      assert.equal(users.items.length, 7, 'five users of the primary tenant and the owners of the two others');
      assert.ok(users.pages >= 4);
      const tenants = await walk(member('/api/v1/account/tenants'), 1);
      assert.equal(tenants.items.length, 3);
      assert.equal(tenants.items[0]!.id, p.tenantId, 'the primary tenant first: it was associated first');
      assert.equal((await walk(member('/api/v1/rewards/marketing-contact/candidates'), 3)).items.length, 7);
      const benefits = await walk(member('/api/v1/rewards/benefits'), 1);
      assert.ok(benefits.items.length >= 2);
      assert.ok((await walk(member('/api/v1/rewards/benefits?category=technical'), 1)).items.length >= 1, 'a filter and a cursor together');
      await walk(member('/api/v1/rewards/activations'), 1);
    });

    it("the operators' lists: tokens, the follow-up queue, a partner's benefits and the outbox", async () => {
      const tokens = await walk(operator('/api/v1/ops/tokens'), 2);
      assert.ok(tokens.items.length >= 4, 'the three made here and the suite’s own');
      await walk(operator('/api/v1/ops/activations?status=all'), 1);
      await walk(operator(`/api/v1/ops/partners/${p.mpnId}/benefits`), 1);
      await walk(operator('/api/v1/ops/outbox'), 2);
    });

    it('rows a microsecond apart are neither skipped nor repeated (a cursor keeps the database precision)', async () => {
      const ids: string[] = [];
      for (let i = 1; i <= 5; i++) {
        const row = await t.database.db
          .insertInto('outbox')
          .values({
            message_id: `<pages-${i}-${engine.name}@test>`,
            kind: 'test',
            recipient: 'pages@example.test',
            locale: 'en-US',
            subject: 'Pages',
            text_body: 'x',
            html_body: 'x',
            status: 'failed',
            created_at: sql<Date>`${`2030-01-01T00:00:00.00000${i}Z`}::timestamptz`,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      const walked = await walk(operator('/api/v1/ops/outbox?status=failed'), 1);
      const ours = walked.items.map(keyOf).filter((id) => ids.includes(id));
      assert.deepEqual(ours, [...ids].reverse(), 'newest first, all five, once each');
    });

    it('a row added before the place a client has reached does not repeat an item on the next page', async () => {
      const first = await ops(t, 'GET', '/api/v1/ops/tokens?limit=2');
      const seen = first.json<ListBody>().items.map(keyOf);
      assert.equal((await ops(t, 'POST', '/api/v1/ops/tokens', { name: 'aaa-pages-early' })).statusCode, 201);
      const next = await ops(t, 'GET', `/api/v1/ops/tokens?limit=200&cursor=${first.json<ListBody>().nextCursor}`);
      const rest = next.json<ListBody>().items.map(keyOf);
      assert.equal(rest.filter((id) => seen.includes(id)).length, 0);
    });

    it('refuses a bad page size or cursor with the field and a message in the caller language, and a cursor of another list', async () => {
      const nl = { 'accept-language': 'nl-NL' };
      const refused = (response: LightMyRequestResponse, code: string) => {
        assert.equal(response.statusCode, 422, response.body);
        const error = errorOf(response);
        assert.equal(error.code, 'VALIDATION_FAILED');
        assert.equal(error.fields?.[Object.keys(error.fields ?? {})[0]!]?.code, code);
        return error;
      };
      const small = refused(await call(t.app, admin, 'GET', '/api/v1/account/users?limit=0', undefined, nl), 'TOO_SMALL');
      assert.match(small.fields!.limit!.message, /minstens 1/);
      const large = refused(await call(t.app, admin, 'GET', '/api/v1/account/users?limit=201', undefined, nl), 'TOO_LARGE');
      assert.match(large.fields!.limit!.message, /hoogstens 200/);
      refused(await call(t.app, admin, 'GET', '/api/v1/account/users?limit=ten'), 'TYPE_INVALID');
      refused(await call(t.app, admin, 'GET', '/api/v1/account/users?cursor=not-a-cursor'), 'FORMAT_INVALID');
      refused(await call(t.app, admin, 'GET', '/api/v1/account/users?cursor=a%2Fb'), 'FORMAT_INVALID');
      const tenantsCursor = (await call(t.app, admin, 'GET', '/api/v1/account/tenants?limit=1')).json<ListBody>().nextCursor!;
      assert.ok(tenantsCursor);
      const crossed = refused(await call(t.app, admin, 'GET', `/api/v1/account/users?cursor=${tenantsCursor}`), 'FORMAT_INVALID');
      assert.ok(crossed.fields!.cursor);
      const forged = Buffer.from(JSON.stringify(['account-users', "x' or 1=1 --", 'y'])).toString('base64url');
      const answer = await call(t.app, admin, 'GET', `/api/v1/account/users?cursor=${forged}`);
      assert.equal(answer.statusCode, 200, 'a forged cursor is only a place in the list, compared as a value');
      const timeForged = Buffer.from(JSON.stringify(['activations', '10000-01-01T00:00:00.000000Z', p.salesBenefitId])).toString('base64url');
      refused(await call(t.app, admin, 'GET', `/api/v1/rewards/activations?cursor=${timeForged}`), 'FORMAT_INVALID');
      for (const impossible of ['2024-02-30T00:00:00.000000Z', '0000-01-01T00:00:00.000000Z', '2024-13-01T00:00:00.000000Z']) {
        const cursor = Buffer.from(JSON.stringify(['activations', impossible, p.salesBenefitId])).toString('base64url');
        refused(await call(t.app, admin, 'GET', `/api/v1/rewards/activations?cursor=${cursor}`), 'FORMAT_INVALID');
      }
    });

    it("a cursor gives no way into another partner's list", async () => {
      const other = await createSalesPartner(t, { admin: ['global-admin'], zed: ['user'], yan: ['user'] });
      const theirs = await signIn(t.app, other.users.admin!.username);
      const cursor = (await call(t.app, theirs, 'GET', '/api/v1/account/users?limit=1')).json<ListBody>().nextCursor!;
      const mine = await call(t.app, admin, 'GET', `/api/v1/account/users?limit=200&cursor=${cursor}`);
      assert.equal(mine.statusCode, 200);
      const usernames = mine.json<ListBody>().items.map((user) => user.username ?? '');
      assert.ok(usernames.every((name) => name.endsWith(p.domain) || !name.endsWith(other.domain)), 'only this account’s users');
    });
  });
}
