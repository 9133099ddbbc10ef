import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { DOCUMENT_ONLY_HEADERS } from '../src/server/security-headers.ts';
import { WEB_DIST } from '../src/server/web.ts';
import { createPartner, engines, signIn, startTestApp, type TestApp } from './helpers.ts';

// HTTP hardening (issue #10, section 3): security headers on every response, no-store on the API,
// no source maps served, a real favicon and robots.txt, and a checked request id. The portal's pages
// come from the built web (npm test builds it before the tests; `npm run build:web` by hand).

const engine = engines()[0]!;

describe('security headers', () => {
  let t: TestApp;
  let https: TestApp;
  before(async () => {
    assert.ok(fs.existsSync(path.join(WEB_DIST, 'index.html')), `the web portal is not built in ${WEB_DIST}: run npm run build:web`);
    t = await startTestApp(engine);
    https = await startTestApp(engine, { PUBLIC_URL: 'https://rewards.example.com' });
  });
  after(async () => {
    await t.close();
    await https.close();
  });

  it("a portal page: a CSP that runs only the portal's own scripts and lets no page frame it, nosniff, referrer, COOP, CORP", async () => {
    const page = await t.app.inject({ method: 'GET', url: '/settings/users' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    const csp = String(page.headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    assert.equal(directives['script-src'], "'self'");
    assert.equal(directives['frame-ancestors'], "'none'");
    assert.equal(directives['object-src'], "'none'");
    assert.equal(directives['default-src'], "'self'");
    assert.ok(!csp.includes('upgrade-insecure-requests'), 'not on plain http');
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(page.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(page.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(page.headers['strict-transport-security'], undefined, 'no HSTS on plain http');
  });

  it('HSTS, and upgrade-insecure-requests, when PUBLIC_URL is https', async () => {
    const page = await https.app.inject({ method: 'GET', url: '/' });
    assert.match(String(page.headers['strict-transport-security']), /max-age=31536000/);
    assert.match(String(page.headers['content-security-policy']), /upgrade-insecure-requests/);
  });

  it('API answers: the same headers, and never stored (Cache-Control: no-store), refusals included', async () => {
    const p = await createPartner(t);
    const session = await signIn(t.app, p.users.admin!.username);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.headers['cache-control'], 'no-store');
    assert.equal(me.headers['x-content-type-options'], 'nosniff');
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.headers['cache-control'], 'no-store');
    const badUrl = await t.app.inject({ method: 'GET', url: '/api/v1/%zz' });
    assert.equal(badUrl.headers['cache-control'], 'no-store');
  });

  it('the API docs page has its own policy, and cannot be framed either', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200, docs.body.slice(0, 200));
    const csp = String(docs.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /frame-ancestors 'self'/);
    assert.doesNotMatch(csp, /upgrade-insecure-requests/, 'not on plain http');
  });

  it('no source map is served; /favicon.ico and /robots.txt are real files, not the portal page', async () => {
    const assets = fs.readdirSync(path.join(WEB_DIST, 'assets'));
    const map = assets.find((name) => name.endsWith('.map'));
    assert.ok(map, 'the build writes its source maps (hidden)');
    assert.equal((await t.app.inject({ method: 'GET', url: `/assets/${map}` })).statusCode, 404);
    const script = assets.find((name) => name.endsWith('.js'))!;
    const js = await t.app.inject({ method: 'GET', url: `/assets/${script}` });
    assert.equal(js.statusCode, 200);
    assert.doesNotMatch(js.body, /sourceMappingURL/, 'the bundle does not point at its map');

    const icon = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    assert.equal(icon.statusCode, 200);
    assert.match(String(icon.headers['content-type']), /image\/(x-icon|vnd\.microsoft\.icon)/);
    assert.deepEqual([...icon.rawPayload.subarray(0, 4)], [0, 0, 1, 0], 'an ICO file');
    const robots = await t.app.inject({ method: 'GET', url: '/robots.txt' });
    assert.equal(robots.statusCode, 200);
    assert.match(String(robots.headers['content-type']), /text\/plain/);
    assert.match(robots.body, /^User-agent: \*\nDisallow: \/$/m);
  });

  it("a script of the build carries nosniff, CORP and the referrer policy, not a document's headers", async () => {
    const script = fs.readdirSync(path.join(WEB_DIST, 'assets')).find((name) => name.endsWith('.js'))!;
    const js = await https.app.inject({ method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'br' } });
    assert.equal(js.statusCode, 200);
    assert.equal(js.headers['x-content-type-options'], 'nosniff');
    assert.equal(js.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(js.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.match(String(js.headers['strict-transport-security']), /max-age=31536000/);
    for (const name of DOCUMENT_ONLY_HEADERS) assert.equal(js.headers[name], undefined, name);
    // The page itself keeps every one of them.
    const page = await https.app.inject({ method: 'GET', url: '/rewards' });
    for (const name of DOCUMENT_ONLY_HEADERS) assert.ok(page.headers[name], `${name} on the page`);
  });

  it("the API's answers of 1 kB and more go compressed to a client that accepts it; small ones and others as they are", async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(plain.headers['content-encoding'], undefined);
    const br = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 4, `brotli ${br.rawPayload.length} of ${plain.rawPayload.length} bytes`);
    assert.deepEqual(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8')), JSON.parse(plain.body));
    const gz = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString('utf8')), JSON.parse(plain.body));
    const small = await t.app.inject({ method: 'GET', url: '/readyz', headers: { 'accept-encoding': 'br' } });
    assert.equal(small.statusCode, 200);
    assert.equal(small.headers['content-encoding'], undefined, 'below 1 kB compression costs more than it saves');
  });

  it('assets go compressed (brotli, else gzip) and are cached for a year; the page itself is revalidated every time', async () => {
    // The largest chunk (the others are split per page, some too small to shrink by two thirds).
    const scripts = fs.readdirSync(path.join(WEB_DIST, 'assets')).filter((name) => name.endsWith('.js'));
    const size = (name: string) => fs.statSync(path.join(WEB_DIST, 'assets', name)).size;
    const script = scripts.reduce((a, b) => (size(b) > size(a) ? b : a));
    const plain = fs.readFileSync(path.join(WEB_DIST, 'assets', script));
    const url = `/assets/${script}`;
    const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.ok(br.rawPayload.length < plain.length / 3, `brotli ${br.rawPayload.length} of ${plain.length} bytes`);
    assert.deepEqual(zlib.brotliDecompressSync(br.rawPayload), plain, 'the same bundle');
    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(zlib.gunzipSync(gz.rawPayload), plain);
    const none = await t.app.inject({ method: 'GET', url });
    assert.equal(none.headers['content-encoding'], undefined);
    assert.deepEqual(none.rawPayload, plain);
    // The compressed copies are not files of their own to anyone who asks for them.
    assert.equal((await t.app.inject({ method: 'GET', url: `${url}.br` })).statusCode, 404);
    // A chunk that is not there (an old tab after a deploy) is a 404, never the page in its place.
    const gone = await t.app.inject({ method: 'GET', url: '/assets/RewardsPage-gone1234.js' });
    assert.equal(gone.statusCode, 404);
    assert.doesNotMatch(String(gone.headers['content-type']), /text\/html/);

    for (const page of ['/', '/rewards/technical']) {
      const html = await t.app.inject({ method: 'GET', url: page, headers: { 'accept-encoding': 'br' } });
      assert.equal(html.statusCode, 200);
      assert.equal(html.headers['cache-control'], 'no-cache', `${page}: after a deploy, never a page that names a bundle that is gone`);
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/robots.txt' })).headers['cache-control'], 'public, max-age=3600');
  });

  it("each address's page names its own page's chunks for preloading, and only files that exist", async () => {
    const preloaded = async (url: string) => {
      const html = await t.app.inject({ method: 'GET', url });
      assert.equal(html.statusCode, 200, url);
      assert.equal(html.headers['cache-control'], 'no-cache', url);
      const hrefs = [...html.body.matchAll(/<link rel="modulepreload" crossorigin href="\/(assets\/[^"]+)">/g)].map((m) => m[1]!);
      for (const href of hrefs) assert.ok(fs.existsSync(path.join(WEB_DIST, href)), `${url}: ${href} is not in the build`);
      return hrefs.map((href) => path.basename(href).replace(/-[\w-]{8}\.js$/, ''));
    };
    const rewards = await preloaded('/rewards');
    assert.ok(rewards.includes('RewardsPage') && rewards.includes('AppShell'), `/rewards: ${rewards.join(', ')}`);
    assert.deepEqual(await preloaded('/rewards?tab=technical'), rewards, 'the query does not change the page');
    const signIn = await preloaded('/sign-in');
    assert.ok(signIn.includes('SignInPage'), `/sign-in: ${signIn.join(', ')}`);
    assert.ok(!signIn.includes('RewardsPage') && !signIn.includes('AppShell'), `the sign-in page loads no signed-in page: ${signIn.join(', ')}`);
    const request = await preloaded('/rewards/technical/requests/00000000-0000-0000-0000-000000000000');
    assert.ok(request.includes('RequestPage') && !request.includes('RewardsPage'), `a request's page: ${request.join(', ')}`);
    // The table the server reads is not served.
    assert.equal((await t.app.inject({ method: 'GET', url: '/page-routes.json' })).statusCode, 404);
  });

  it("a client's x-request-id is kept when it is a plain token, and replaced otherwise", async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123_DEF' } });
    assert.equal(kept.headers['x-request-id'], 'abc-123_DEF');
    for (const given of ['has space', 'x'.repeat(65), '<script>', 'a\u00e9b']) {
      const replaced = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': given } });
      assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f-]{36}$/, given);
    }
  });
});
