import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, createPartner, engines, signIn, startTestApp, type TestApp } from './helpers.ts';

for (const engine of engines()) {
  describe(`smoke (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('signs in and reads /me', async () => {
      const p = await createPartner(t, { admin: ['global-admin'] });
      const s = await signIn(t.app, p.users.admin!.username);
      const me = await call(t.app, s, 'GET', '/api/v1/me');
      assert.equal(me.statusCode, 200, me.body);
      assert.equal(me.json().navigation.marketplaceRewards, true);
    });
  });
}
