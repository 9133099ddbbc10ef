import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contactBody, createSalesPartner, outboxFor, putContact } from './benefits-helpers.ts';
import { engines, errorOf, signIn, startTestApp, type TestApp } from './helpers.ts';

// Mail abuse (issue #10, section 4): every marketing-contact change mails the new contact (and the
// one replaced), so changes are limited per account and mails per recipient, each per 24 hours, with
// 429 and Retry-After; and each mail names the account and the user that made the change.

for (const engine of engines()) {
  describe(`marketing-contact limits (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { CONTACT_CHANGES_PER_DAY: '3', MAIL_PER_RECIPIENT_PER_DAY: '2' });
    });
    after(async () => t.close());

    it('a fourth change in a day is 429 with Retry-After, and changes nothing', async () => {
      const p = await createSalesPartner(t, { admin: ['global-admin'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      const address = (i: number) => `contact${i}@mail.${p.domain}`;
      for (let i = 1; i <= 3; i += 1) assert.equal((await putContact(t.app, admin, contactBody(p, 'admin', { email: address(i) }))).statusCode, 200);
      const mailsBefore = (await outboxFor(t.database.db, [address(1), address(2), address(3), address(4)])).length;
      const refused = await putContact(t.app, admin, contactBody(p, 'admin', { email: address(4) }), { 'accept-language': 'nl-NL' });
      assert.equal(refused.statusCode, 429, refused.body);
      assert.equal(errorOf(refused).code, 'RATE_LIMITED');
      assert.match(errorOf(refused).message, /3 keer/);
      const retryAfter = Number(refused.headers['retry-after']);
      assert.ok(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600, `Retry-After ${retryAfter}`);
      const contact = (await t.app.inject({ method: 'GET', url: '/api/v1/rewards/marketing-contact', headers: { cookie: admin.cookie } })).json<{ contact: { email: string } }>();
      assert.equal(contact.contact.email, address(3));
      assert.equal((await outboxFor(t.database.db, [address(1), address(2), address(3), address(4)])).length, mailsBefore, 'no mail queued');
      // Saving the same contact again is no change, and is not refused.
      assert.equal((await putContact(t.app, admin, contactBody(p, 'admin', { email: address(3) }))).statusCode, 200);
    });

    it('a recipient gets at most two mails a day, whichever accounts send them', async () => {
      const target = `victim@mail.example.org`;
      const a = await createSalesPartner(t, { admin: ['global-admin'] });
      const b = await createSalesPartner(t, { admin: ['global-admin'] });
      const aAdmin = await signIn(t.app, a.users.admin!.username);
      const bAdmin = await signIn(t.app, b.users.admin!.username);
      assert.equal((await putContact(t.app, aAdmin, contactBody(a, 'admin', { email: target }))).statusCode, 200);
      assert.equal((await putContact(t.app, bAdmin, contactBody(b, 'admin', { email: target }))).statusCode, 200);
      const third = await putContact(t.app, aAdmin, contactBody(a, 'admin', { email: target, phone: '+31 20 765 4321' }));
      assert.equal(third.statusCode, 429, third.body);
      assert.match(errorOf(third).message, /victim@mail\.example\.org/);
      assert.equal((await outboxFor(t.database.db, [target])).length, 2);
    });

    it('the mails name the partner account, its MPN ID and the sign-in name of whoever made the change', async () => {
      const p = await createSalesPartner(t, { admin: ['global-admin'] });
      const admin = await signIn(t.app, p.users.admin!.username);
      const first = `first@mail.${p.domain}`;
      const second = `second@mail.${p.domain}`;
      assert.equal((await putContact(t.app, admin, contactBody(p, 'admin', { email: first }))).statusCode, 200);
      assert.equal((await putContact(t.app, admin, contactBody(p, 'admin', { email: second }))).statusCode, 200);
      const mails = await outboxFor(t.database.db, [first, second]);
      assert.equal(mails.length, 3, 'assigned to first, assigned to second, replaced to first');
      for (const mail of mails) {
        assert.ok(mail.text_body.includes(`Partner ${p.domain}`), mail.text_body);
        assert.ok(mail.text_body.includes(p.mpnId), 'the MPN ID');
        assert.ok(mail.text_body.includes(p.users.admin!.username), 'who made the change, by sign-in name');
      }
    });
  });
}
