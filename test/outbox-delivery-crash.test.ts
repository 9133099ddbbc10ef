import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deliverDue, smtpTransport } from '../src/modules/notifications/delivery.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { contactBody, createSalesPartner, currentSchema, DAY_MS, longDate, openSameDatabase, signInWithContact } from './benefits-helpers.ts';
import { engines, postgresOnly, startTestApp, type TestApp, type TestEngine } from './helpers.ts';
import { enqueueMany, FROM, markAllSent, outboxRows as rows, smtpFixtures, startSmtpSink } from './outbox-helpers.ts';
import { pgliteTemplate } from './pglite-template.ts';

// The outbox, part 2: what a crash leaves to deliver (an expired lease, a process killed right
// after committing) and two instances delivering at once. Delivery itself is in
// outbox-delivery.test.ts.

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..');

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
    const { smtpTo, freshSmtp, close: closeSmtp } = smtpFixtures();
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => {
      await closeSmtp();
      await t.close();
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
      await transport.send({
        messageId: third!.message_id,
        to: third!.recipient,
        toName: third!.recipient_name,
        createdAt: third!.created_at,
        subject: third!.subject,
        text: third!.text_body,
        html: third!.html_body,
      });
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

    it('a process killed right after committing an activation still gets its email delivered, exactly once', async () => {
      // PGlite is an in-process database: the child needs a data folder of its own on disk
      // (the test's in-memory one cannot be shared); PostgreSQL shares the test schema.
      const folder = engine.name === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-crash-')) : null;
      const diskEngine: TestEngine | null = folder ? { name: 'pglite', open: async () => openDatabase({ engine: 'pglite', dataDir: folder, template: await pgliteTemplate() }) } : null;
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
// PostgreSQL only, so without TEST_DATABASE_URL this block is reported as skipped.
const postgres = postgresOnly();
describe('outbox delivery with concurrent senders (postgres)', postgres.skip, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(postgres.engine());
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
