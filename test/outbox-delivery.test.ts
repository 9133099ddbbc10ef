import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { backoffSeconds, deliverDue, mailboxTransport } from '../src/modules/notifications/delivery.ts';
import { activate, contactBody, createSalesPartner, longDate, signInWithContact } from './benefits-helpers.ts';
import { engines, ops, startTestApp, type TestApp } from './helpers.ts';
import { closedPort, enqueueMany, FROM, makeDue, markAllSent, outboxRows as rows, parseMail, smtpFixtures } from './outbox-helpers.ts';

// The outbox, part 1: delivering over SMTP in the contact's language, backing off while SMTP is
// down, giving up after a day, and the mailbox folder without SMTP. Crashed senders, a killed
// process and concurrent senders are in outbox-delivery-crash.test.ts.

for (const engine of engines()) {
  describe(`outbox delivery (${engine.name})`, () => {
    let t: TestApp;
    const { transports, smtpTo, freshSmtp, close: closeSmtp } = smtpFixtures();
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => {
      await closeSmtp();
      await t.close();
    });

    it('delivers each pending row once over SMTP: its Message-ID, subject, text and HTML, in the contact language', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const dutch = await createSalesPartner(t);
      const english = await createSalesPartner(t);
      const activations: Record<string, string> = {};
      for (const [p, language] of [[dutch, 'nl-NL'], [english, 'en-US']] as const) {
        const session = await signInWithContact(t, p, 'admin', { preferredLanguage: language });
        const response = await activate(t.app, session, p.salesBenefitId);
        assert.equal(response.statusCode, 201, response.body);
        activations[language] = response.json<{ dueAt: string }>().dueAt;
      }
      const pending = await db.selectFrom('outbox').selectAll().where('status', '=', 'pending').execute();
      assert.equal(pending.length, 4, 'contact-assigned and benefit-activated for each partner');

      const sink = await freshSmtp();
      const transport = smtpTo(sink.url);
      assert.deepEqual(await deliverDue(db, transport, 50), { sent: 4, failed: 0 });
      assert.equal(sink.messages.length, 4);
      for (const row of await rows(db, pending.map((r) => r.id))) {
        assert.equal(row.status, 'sent');
        assert.equal(row.attempts, 1);
        assert.equal(row.lease_until, null);
        assert.equal(row.last_error, null);
        assert.ok(row.sent_at instanceof Date);
        assert.equal(sink.count(row.message_id), 1, `one copy of ${row.message_id}`);
        const mail = sink.messages.find((m) => m.messageId === row.message_id)!;
        assert.deepEqual(mail.envelopeTo, [row.recipient]);
        assert.ok(mail.to.includes(row.recipient));
        assert.ok(mail.from.includes('rewards@localhost'));
        assert.equal(mail.subject, row.subject);
        assert.equal(mail.text.trim(), row.text_body.trim());
        assert.equal(mail.html.trim(), row.html_body.trim());
        assert.match(mail.headers.get('content-type') ?? '', /^multipart\/alternative/);
      }

      const dutchMail = sink.messages.find((m) => m.envelopeTo[0] === contactBody(dutch, 'admin').email && /geactiveerd/.test(m.subject));
      assert.ok(dutchMail, 'the Dutch activation email arrived');
      assert.equal(dutchMail.subject, `Campagnemateriaal voor uw proefversie is geactiveerd voor Partner ${dutch.domain}`);
      const dutchDue = longDate('nl-NL', new Date(activations['nl-NL']!));
      assert.match(dutchDue, /^\d{1,2} [a-z]+ \d{4}$/, 'a Dutch long date such as 3 december 2026');
      assert.ok(dutchMail.text.includes(`een lid van het Rewards-team neemt uiterlijk ${dutchDue} contact met u op`), dutchMail.text);
      assert.ok(dutchMail.html.includes(dutchDue));
      assert.match(dutchMail.html, /<html lang="nl-NL">/);

      const englishMail = sink.messages.find((m) => m.envelopeTo[0] === contactBody(english, 'admin').email && /activated/.test(m.subject));
      assert.ok(englishMail, 'the English activation email arrived');
      const englishDue = longDate('en-US', new Date(activations['en-US']!));
      assert.ok(englishMail.text.includes(`a member of the Rewards team will contact you by ${englishDue}`), englishMail.text);

      // Nothing is left to send: a second round sends nothing again.
      assert.deepEqual(await deliverDue(db, transport, 50), { sent: 0, failed: 0 });
      assert.equal(sink.messages.length, 4);
    });

    it('keeps every message while SMTP is down for over an hour, backing off, then delivers each exactly once', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const ids = await enqueueMany(db, 5);
      const down = smtpTo(`smtp://127.0.0.1:${await closedPort()}`);

      let waitedSeconds = 0;
      // Ten failed rounds: 30 s, 1, 2, 4, 8 min, then 10 min five times, over an hour in all.
      for (let attempt = 1; attempt <= 10; attempt++) {
        if (attempt > 1) await makeDue(db, ids);
        const startedAt = Date.now();
        assert.deepEqual(await deliverDue(db, down, 50), { sent: 0, failed: 5 }, `round ${attempt}`);
        const finishedAt = Date.now();
        const expectedDelay = Math.min(600, 30 * 2 ** (attempt - 1));
        assert.equal(backoffSeconds(attempt), expectedDelay);
        waitedSeconds += expectedDelay;
        for (const row of await rows(db, ids)) {
          assert.equal(row.status, 'pending', `round ${attempt}`);
          assert.equal(row.attempts, attempt);
          assert.equal(row.lease_until, null);
          assert.equal(row.sent_at, null);
          assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
          const at = row.next_attempt_at.getTime();
          assert.ok(at >= startedAt + expectedDelay * 1000 - 1000 && at <= finishedAt + expectedDelay * 1000 + 1000, `round ${attempt}: next attempt ${row.next_attempt_at.toISOString()}`);
        }
        // Not due yet: another round right away leaves them alone.
        assert.deepEqual(await deliverDue(db, down, 50), { sent: 0, failed: 0 });
      }
      assert.ok(waitedSeconds > 3600, `the backoff covered ${waitedSeconds} s`);

      // Operators see what is waiting and why.
      const view = await ops(t, 'GET', '/api/v1/ops/outbox?status=pending&limit=200');
      assert.equal(view.statusCode, 200, view.body);
      const visible = view.json<{ items: { id: string; attempts: number; lastError: string | null }[] }>().items.filter((i) => ids.includes(i.id));
      assert.equal(visible.length, 5);
      assert.ok(visible.every((i) => i.attempts === 10 && i.lastError !== null));
      const one = await ops(t, 'GET', '/api/v1/ops/outbox?status=pending&limit=1');
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(one.json().items.length, 1);
      assert.equal(one.json().counts.pending, 5);
      assert.equal((await ops(t, 'GET', '/api/v1/ops/outbox?limit=201')).statusCode, 422);

      const sink = await freshSmtp();
      const up = smtpTo(sink.url);
      await makeDue(db, ids);
      assert.deepEqual(await deliverDue(db, up, 50), { sent: 5, failed: 0 });
      await makeDue(db, ids);
      assert.deepEqual(await deliverDue(db, up, 50), { sent: 0, failed: 0 }, 'sent rows are not sent again');
      const delivered = await rows(db, ids);
      for (const row of delivered) {
        assert.equal(row.status, 'sent');
        assert.equal(row.attempts, 11);
        assert.equal(row.last_error, null);
        assert.equal(sink.count(row.message_id), 1, `exactly one copy of ${row.message_id}`);
      }
      assert.equal(sink.messages.length, 5);
    });

    it('gives up on a message after a day of failures, marks it failed and keeps it for operators', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const [old, fresh] = await enqueueMany(db, 2);
      await db.updateTable('outbox').set({ created_at: new Date(Date.now() - 25 * 3_600_000) }).where('id', '=', old!).execute();
      const down = smtpTo(`smtp://127.0.0.1:${await closedPort()}`);
      assert.deepEqual(await deliverDue(db, down, 50), { sent: 0, failed: 2 });
      const [oldRow, freshRow] = await rows(db, [old!, fresh!]);
      assert.equal(oldRow!.status, 'failed');
      assert.ok(oldRow!.last_error);
      assert.equal(freshRow!.status, 'pending');

      const sink = await freshSmtp();
      await makeDue(db, [old!, fresh!]);
      assert.deepEqual(await deliverDue(db, smtpTo(sink.url), 50), { sent: 1, failed: 0 });
      assert.equal(sink.count(freshRow!.message_id), 1);
      assert.equal(sink.count(oldRow!.message_id), 0, 'a failed message waits for an operator');
      const failed = await ops(t, 'GET', '/api/v1/ops/outbox?status=failed&limit=200');
      assert.ok(failed.json().items.some((i: { id: string }) => i.id === old));
    });

    it('without SMTP, writes one .eml per message into the mailbox folder (names and file names: outbox-names.test.ts)', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const ids = await enqueueMany(db, 3, 'nl-NL');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-mailbox-'));
      try {
        const mailbox = path.join(dir, 'mailbox');
        const transport = mailboxTransport(mailbox, FROM);
        transports.push(transport);
        assert.deepEqual(await deliverDue(db, transport, 50), { sent: 3, failed: 0 });
        assert.deepEqual(await deliverDue(db, transport, 50), { sent: 0, failed: 0 });
        const files = fs.readdirSync(mailbox);
        assert.equal(files.length, 3);
        assert.ok(files.every((f) => f.endsWith('.eml')));
        const parsed = files.map((f) => parseMail(fs.readFileSync(path.join(mailbox, f), 'utf8')));
        const outbox = await rows(db, ids);
        assert.deepEqual(parsed.map((m) => m.messageId).sort(), outbox.map((r) => r.message_id).sort());
        for (const row of outbox) {
          const mail = parsed.find((m) => m.messageId === row.message_id)!;
          assert.equal(row.status, 'sent');
          assert.equal(mail.subject, row.subject);
          assert.equal(mail.to, `${row.recipient_name} <${row.recipient}>`, 'the To: carries the name');
          assert.equal(mail.text.trim(), row.text_body.trim());
          assert.equal(mail.html.trim(), row.html_body.trim());
          assert.match(mail.text, /^Beste Person \d,/);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

  });
}
