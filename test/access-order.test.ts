import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines, startTestApp, type TestApp } from './helpers.ts';

for (const engine of engines()) {
  describe(`access is checked before validation (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('an anonymous caller with a bad body gets 401, not the validation details', async () => {
      for (const [url, method] of [
        ['/api/v1/account/users', 'POST'],
        ['/api/v1/account/tenants', 'POST'],
        ['/api/v1/ops/tenants', 'POST'],
        ['/api/v1/ops/partner-accounts', 'POST'],
      ] as const) {
        const response = await t.app.inject({ method, url, payload: { unexpected: true } });
        assert.equal(response.statusCode, 401, `${method} ${url}: ${response.body}`);
        assert.equal(response.json().error.code, 'UNAUTHENTICATED');
        assert.equal(response.json().error.fields, undefined);
      }
    });

    it('a malformed id in the path is still 401 for an anonymous caller', async () => {
      const response = await t.app.inject({ method: 'PATCH', url: '/api/v1/account/users/not-a-uuid', payload: {} });
      assert.equal(response.statusCode, 401);
    });
  });
}
