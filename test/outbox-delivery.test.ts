import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { backoffSeconds, deliverDue, mailboxTransport, smtpTransport, type MailTransport } from '../src/modules/notifications/delivery.ts';
import { enqueueEmail } from '../src/modules/notifications/notifications.service.ts';
import { openDatabase, type Db } from '../src/platform/db/database.ts';
import {
  activate,
  closedPort,
  contactBody,
  createSalesPartner,
  currentSchema,
  DAY_MS,
  longDate,
  markAllSent,
  openSameDatabase,
  parseMail,
  signInWithContact,
  startSmtpSink,
  type SmtpSink,
} from './benefits-helpers.ts';
import { engines, ops, startTestApp, unique, type TestApp, type TestEngine } from './helpers.ts';

const FROM = 'Marketplace Rewards <rewards@localhost>';
const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..');

/** Outbox rows by id, in the order of the ids given. */
async function rows(db: Db, ids: string[]) {
  const found = await db.selectFrom('outbox').selectAll().where('id', 'in', ids).execute();
  return ids.map((id) => {
    const row = found.find((r) => r.id === id);
    assert.ok(row, `outbox row ${id} is gone`);
    return row;
  });
}

/** `n` emails written straight into the outbox, each to its own recipient. */
async function enqueueMany(db: Db, n: number, locale: 'en-US' | 'nl-NL' = 'en-US'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await enqueueEmail(db, {
        template: 'contact-assigned',
        recipient: `${unique('r')}@mail.example`,
        locale,
        values: { name: `Person ${i}`, account: `Account ${i}` },
      }),
    );
  }
  return ids;
}

async function makeDue(db: Db, ids: string[]) {
  await db.updateTable('outbox').set({ next_attempt_at: new Date(Date.now() - 1000) }).where('id', 'in', ids).execute();
}

/** Runs the crash fixture; resolves with what it printed once it is dead (and asserts it died of SIGKILL). */
function runEnqueueAndDie(env: Record<string, string>): Promise<{ activationId: string; created: boolean; pid: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'enqueue-and-die.ts')], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the crash fixture did not finish in 60 s; stderr: ${stderr}`));
    }, 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`expected the fixture to die of SIGKILL, it exited with ${code ?? signal}; stderr: ${stderr}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim()) as { activationId: string; created: boolean; pid: number });
      } catch {
        reject(new Error(`unexpected fixture output: ${stdout}; stderr: ${stderr}`));
      }
    });
  });
}

for (const engine of engines()) {
  describe(`outbox delivery (${engine.name})`, () => {
    let t: TestApp;
    let smtp: SmtpSink | null = null;
    const transports: MailTransport[] = [];
    const smtpTo = (url: string) => {
      const transport = smtpTransport(url, FROM);
      transports.push(transport);
      return transport;
    };
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => {
      for (const transport of transports) transport.close();
      await smtp?.close();
      await t.close();
    });
    const freshSmtp = async (options: { delayMs?: number } = {}) => {
      await smtp?.close();
      smtp = await startSmtpSink(options);
      return smtp;
    };

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
      const view = await ops(t, 'GET', '/api/v1/ops/outbox?status=pending&limit=500');
      assert.equal(view.statusCode, 200, view.body);
      const visible = view.json<{ items: { id: string; attempts: number; lastError: string | null }[] }>().items.filter((i) => ids.includes(i.id));
      assert.equal(visible.length, 5);
      assert.ok(visible.every((i) => i.attempts === 10 && i.lastError !== null));
      const one = await ops(t, 'GET', '/api/v1/ops/outbox?status=pending&limit=1');
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(one.json().items.length, 1);
      assert.equal(one.json().counts.pending, 5);
      assert.equal((await ops(t, 'GET', '/api/v1/ops/outbox?limit=501')).statusCode, 422);

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
      const failed = await ops(t, 'GET', '/api/v1/ops/outbox?status=failed&limit=500');
      assert.ok(failed.json().items.some((i: { id: string }) => i.id === old));
    });

    it("picks up a crashed sender's expired lease and sends with the same Message-ID; a live lease is left alone", async () => {
      const db = t.database.db;
      await markAllSent(db);
      const [crashed, live, crashedAfterSend] = await enqueueMany(db, 3, 'nl-NL');
      const minute = 60_000;
      await db.updateTable('outbox').set({ status: 'sending', attempts: 1, lease_until: new Date(Date.now() - minute) }).where('id', '=', crashed!).execute();
      await db.updateTable('outbox').set({ status: 'sending', attempts: 1, lease_until: new Date(Date.now() + 10 * minute) }).where('id', '=', live!).execute();

      const sink = await freshSmtp();
      const transport = smtpTo(sink.url);
      // The third sender crashed after the SMTP server accepted the message but before marking it sent.
      const [third] = await rows(db, [crashedAfterSend!]);
      await transport.send({ messageId: third!.message_id, to: third!.recipient, subject: third!.subject, text: third!.text_body, html: third!.html_body });
      await db.updateTable('outbox').set({ status: 'sending', attempts: 1, lease_until: new Date(Date.now() - minute) }).where('id', '=', crashedAfterSend!).execute();

      assert.deepEqual(await deliverDue(db, transport, 50), { sent: 2, failed: 0 });
      const [crashedRow, liveRow, thirdRow] = await rows(db, [crashed!, live!, crashedAfterSend!]);
      assert.equal(crashedRow!.status, 'sent');
      assert.equal(crashedRow!.attempts, 2);
      assert.equal(sink.count(crashedRow!.message_id), 1);
      assert.equal(sink.messages.find((m) => m.envelopeTo[0] === crashedRow!.recipient)!.messageId, crashedRow!.message_id);
      assert.equal(liveRow!.status, 'sending', 'another sender holds it');
      assert.equal(sink.count(liveRow!.message_id), 0);
      // The retry carries the Message-ID of the copy already accepted, so the receiver can drop the duplicate.
      assert.equal(thirdRow!.status, 'sent');
      const copies = sink.messages.filter((m) => m.envelopeTo[0] === thirdRow!.recipient);
      assert.equal(copies.length, 2);
      assert.ok(copies.every((m) => m.messageId === thirdRow!.message_id));
    });

    it('without SMTP, writes one .eml per message into the mailbox folder', async () => {
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
          assert.ok(mail.to.includes(row.recipient));
          assert.equal(mail.text.trim(), row.text_body.trim());
          assert.equal(mail.html.trim(), row.html_body.trim());
          assert.match(mail.text, /^Beste Person \d,/);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a process killed right after committing an activation still gets its email delivered, exactly once', async () => {
      // PGlite is an in-process database: the child needs a data folder of its own on disk
      // (the test's in-memory one cannot be shared); PostgreSQL shares the test schema.
      const folder = engine.name === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-crash-')) : null;
      const diskEngine: TestEngine | null = folder ? { name: 'pglite', open: () => openDatabase({ engine: 'pglite', dataDir: folder }) } : null;
      const setup = diskEngine ? await startTestApp(diskEngine) : t;
      let reopened: Awaited<ReturnType<typeof openDatabase>> | null = null;
      try {
        await markAllSent(setup.database.db);
        const p = await createSalesPartner(setup);
        await signInWithContact(setup, p, 'admin', { preferredLanguage: 'nl-NL' });
        await markAllSent(setup.database.db);
        const env: Record<string, string> = { CRASH_USER_ID: p.users.admin!.id, CRASH_ENTITLEMENT_ID: p.salesBenefitId };
        if (folder) {
          await setup.close(); // releases the data folder for the child
          Object.assign(env, { CRASH_ENGINE: 'pglite', CRASH_DATA_DIR: folder });
        } else {
          Object.assign(env, { CRASH_ENGINE: 'postgres', CRASH_DATABASE_URL: process.env.TEST_DATABASE_URL!, CRASH_SCHEMA: await currentSchema(t.database.db) });
        }

        const died = await runEnqueueAndDie(env);
        assert.equal(died.created, true);

        // After the crash: PGlite recovers its folder (the dead process's lock is taken over).
        if (folder) reopened = await openDatabase({ engine: 'pglite', dataDir: folder });
        const db = reopened?.db ?? t.database.db;
        const activation = await db.selectFrom('activations').selectAll().where('id', '=', died.activationId).executeTakeFirst();
        assert.ok(activation, 'the committed activation survived the crash');
        assert.equal(activation.entitlement_id, p.salesBenefitId);
        const queued = await db.selectFrom('outbox').selectAll().where('recipient', '=', contactBody(p, 'admin').email).where('kind', '=', 'benefit-activated').execute();
        assert.equal(queued.length, 1, 'its email was committed with it');
        assert.equal(queued[0]!.status, 'pending');
        assert.equal(queued[0]!.attempts, 0, 'nothing tried to deliver it before the crash');

        const sink = await freshSmtp();
        const transport = smtpTo(sink.url);
        assert.deepEqual(await deliverDue(db, transport, 50), { sent: 1, failed: 0 });
        assert.deepEqual(await deliverDue(db, transport, 50), { sent: 0, failed: 0 });
        assert.equal(sink.messages.length, 1);
        assert.equal(sink.count(queued[0]!.message_id), 1);
        const mail = sink.messages[0]!;
        assert.equal(mail.subject, `Campagnemateriaal voor uw proefversie is geactiveerd voor Partner ${p.domain}`);
        assert.ok(mail.text.includes(`uiterlijk ${longDate('nl-NL', activation.due_at)} contact met u op`), mail.text);
        assert.equal(activation.due_at.getTime() - activation.activated_at.getTime(), 7 * DAY_MS);
      } finally {
        await reopened?.close();
        if (folder) fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  });
}

// Two senders racing for the same rows need two connections to one database:
// PostgreSQL only, so this block is registered only when TEST_DATABASE_URL is set.
const postgres = engines().find((e) => e.name === 'postgres');
if (postgres) {
  describe('outbox delivery with concurrent senders (postgres)', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(postgres);
    });
    after(async () => t.close());

    it('two instances delivering at once never send a row twice', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const ids = await enqueueMany(db, 40);
      const other = await openSameDatabase(t);
      // A slow server keeps both senders' rounds overlapping.
      const sink = await startSmtpSink({ delayMs: 15 });
      const transports = [smtpTransport(sink.url, FROM), smtpTransport(sink.url, FROM), smtpTransport(sink.url, FROM), smtpTransport(sink.url, FROM)];
      try {
        const results = await Promise.all([
          deliverDue(db, transports[0]!, 15),
          deliverDue(other.db, transports[1]!, 15),
          deliverDue(db, transports[2]!, 15),
          deliverDue(other.db, transports[3]!, 15),
        ]);
        assert.equal(results.reduce((sum, r) => sum + r.sent, 0), 40, JSON.stringify(results));
        assert.ok(results.every((r) => r.failed === 0));
        assert.ok(results.filter((r) => r.sent > 0).length >= 3, `the work was shared: ${JSON.stringify(results)}`);
        assert.deepEqual(await Promise.all([deliverDue(db, transports[0]!, 50), deliverDue(other.db, transports[1]!, 50)]), [
          { sent: 0, failed: 0 },
          { sent: 0, failed: 0 },
        ]);
        const delivered = await rows(db, ids);
        assert.equal(sink.messages.length, 40);
        for (const row of delivered) {
          assert.equal(row.status, 'sent');
          assert.equal(row.attempts, 1, 'claimed once');
          assert.equal(sink.count(row.message_id), 1, `exactly one copy of ${row.message_id}`);
        }
      } finally {
        for (const transport of transports) transport.close();
        await sink.close();
        await other.close();
      }
    });
  });
}
