import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enqueueEmail } from '../src/modules/notifications/notifications.service.ts';
import { engines, ops, startTestApp, type TestApp } from './helpers.ts';

for (const engine of engines()) {
  describe(`operators see the outbox (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('lists pending and failed mail with counts, and needs an operator token', async () => {
      const id = await enqueueEmail(t.database.db, {
        template: 'contact-assigned',
        recipient: 'someone@example.com',
        recipientName: 'Sanne de Vries',
        locale: 'nl-NL',
        values: { name: 'Sanne', account: 'Contoso', mpnId: '4100001', changedBy: 'Megan', changedByUsername: 'megan@contoso.example', link: 'http://localhost:3000/rewards' },
      });
      await t.database.db.updateTable('outbox').set({ status: 'failed', last_error: 'mailbox full' }).where('id', '=', id).execute();
      await enqueueEmail(t.database.db, { template: 'contact-assigned', recipient: 'other@example.com', recipientName: null, locale: 'en-US', values: { name: 'Lee', account: 'Contoso', mpnId: '4100001', changedBy: 'Megan', changedByUsername: 'megan@contoso.example', link: 'http://localhost:3000/rewards' } });

      const failed = await ops(t, 'GET', '/api/v1/ops/outbox?status=failed');
      assert.equal(failed.statusCode, 200, failed.body);
      assert.equal(failed.json().counts.failed, 1);
      assert.equal(failed.json().counts.pending, 1);
      assert.equal(failed.json().items.length, 1);
      assert.equal(failed.json().items[0].lastError, 'mailbox full');
      assert.match(failed.json().items[0].subject, /marketingcontactpersoon van Contoso/);
      assert.equal(failed.json().items[0].recipientName, 'Sanne de Vries', 'who the To: names');
      const pending = await ops(t, 'GET', '/api/v1/ops/outbox?status=pending');
      assert.equal(pending.json().items[0].recipientName, null, 'an address without a name');

      // The list has no message text; one message's text is read on its own, and the read is on record.
      assert.equal(failed.json().items[0].textBody, undefined);
      const text = await ops(t, 'GET', `/api/v1/ops/outbox/${id}`);
      assert.equal(text.statusCode, 200, text.body);
      assert.equal(text.json().locale, 'nl-NL');
      assert.match(text.json().textBody, /Sanne/);
      const reads = await t.database.db.selectFrom('audit_events').select(['action', 'actor_type']).where('subject_id', '=', id).execute();
      assert.deepEqual(reads, [{ action: 'outbox.read', actor_type: 'operator' }]);
      assert.equal((await ops(t, 'GET', '/api/v1/ops/outbox/00000000-0000-4000-8000-000000000000')).statusCode, 404);

      const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/ops/outbox' });
      assert.equal(anonymous.statusCode, 401);
      const badStatus = await ops(t, 'GET', '/api/v1/ops/outbox?status=lost');
      assert.equal(badStatus.statusCode, 422);
    });

    it('sends a failed message again, with its attempts started over, and refuses one that did not fail', async () => {
      const id = await enqueueEmail(t.database.db, { template: 'contact-assigned', recipient: 'full@example.com', recipientName: null, locale: 'en-US', values: { name: 'Lee', account: 'Contoso', mpnId: '4100001', changedBy: 'Megan', changedByUsername: 'megan@contoso.example', link: 'http://localhost:3000/rewards' } });
      const notFailed = await ops(t, 'POST', `/api/v1/ops/outbox/${id}/resend`);
      assert.equal(notFailed.statusCode, 409);
      assert.equal(notFailed.json().error.code, 'MESSAGE_NOT_FAILED');
      assert.match(notFailed.json().error.message, /This one is pending\./);
      await t.database.db.updateTable('outbox').set({ status: 'failed', attempts: 8, last_error: 'mailbox full' }).where('id', '=', id).execute();
      const resent = await ops(t, 'POST', `/api/v1/ops/outbox/${id}/resend`);
      assert.equal(resent.statusCode, 200, resent.body);
      const row = await t.database.db.selectFrom('outbox').select(['status', 'attempts', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'pending', attempts: 0, last_error: 'mailbox full' });
      const audit = await t.database.db.selectFrom('audit_events').select('action').where('subject_id', '=', id).execute();
      assert.deepEqual(audit, [{ action: 'outbox.resend' }]);
      assert.equal((await ops(t, 'POST', '/api/v1/ops/outbox/00000000-0000-4000-8000-000000000000/resend')).statusCode, 404);
    });
  });
}
