import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { deliverDue, smtpTransport, startOutboxWorker, type DeliveryLog } from '../src/modules/notifications/delivery.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { openSameDatabase } from './benefits-helpers.ts';
import { pgliteTemplate } from './pglite-template.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import { closedPort, enqueueMany, FROM, makeDue, markAllSent, outboxRows, startSmtpSink } from './outbox-helpers.ts';

// Issue #11, points 2, 4 and 5: a slow or hung mail server never makes an email go out twice or hold
// a stop past its grace period, and every failure says so in the log.

const here = path.dirname(fileURLToPath(import.meta.url));

/** An SMTP server that takes a message's DATA and never answers it (a hung mail server). */
async function startHungSmtp(): Promise<{ url: string; dataStarted: Promise<void>; close(): Promise<void> }> {
  let started!: () => void;
  const dataStarted = new Promise<void>((resolve) => (started = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Closing cuts the hung connections at once (the default waits 30 s for them).
    closeTimeout: 50,
    onData(stream) {
      started();
      stream.resume(); // read it all, answer nothing
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    dataStarted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function collectingLog(): DeliveryLog & { lines: { level: string; details: Record<string, unknown>; message: string }[] } {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    warn: (details, message) => void lines.push({ level: 'warn', details, message }),
    error: (details, message) => void lines.push({ level: 'error', details, message }),
  };
}

for (const engine of engines()) {
  describe(`outbox delivery when the mail server is slow, hung or refusing (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('two instances and a slow server: each email goes out once, even when one batch takes longer than a lease', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const ids = await enqueueMany(db, 8);
      const other = engine.name === 'postgres' ? await openSameDatabase(t) : null;
      const sink = await startSmtpSink({ delayMs: 300 });
      const transports = [smtpTransport(sink.url, FROM), smtpTransport(sink.url, FROM)];
      try {
        // A one-second lease and 300 ms a message: a batch of eight claimed at once would expire mid-way.
        const results: { sent: number; failed: number }[] = await Promise.all([
          deliverDue(db, transports[0]!, 20, { leaseSeconds: 1 }),
          deliverDue(other?.db ?? db, transports[1]!, 20, { leaseSeconds: 1 }),
        ]);
        assert.equal(results[0]!.sent + results[1]!.sent, 8, JSON.stringify(results));
        for (const row of await outboxRows(db, ids)) {
          assert.equal(row.status, 'sent');
          assert.equal(sink.count(row.message_id), 1, `one copy of ${row.message_id}`);
          assert.equal(row.attempts, 1);
        }
      } finally {
        for (const transport of transports) transport.close();
        await sink.close();
        await other?.close();
      }
    });

    it('a hung server: the send ends at its timeout, the email waits for its next attempt, and the log says so', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const [id] = await enqueueMany(db, 1);
      const hung = await startHungSmtp();
      const transport = smtpTransport(hung.url, FROM, 300);
      const log = collectingLog();
      try {
        const started = Date.now();
        assert.deepEqual(await deliverDue(db, transport, 5, { log }), { sent: 0, failed: 1 });
        assert.ok(Date.now() - started < 3_000, `gave up after ${Date.now() - started} ms`);
        const [row] = await outboxRows(db, [id!]);
        assert.equal(row!.status, 'pending');
        assert.ok(row!.next_attempt_at.getTime() > Date.now(), 'backs off');
        assert.equal(log.lines.length, 1);
        assert.equal(log.lines[0]!.level, 'warn');
        assert.equal(log.lines[0]!.details.messageId, row!.message_id);
        assert.equal(log.lines[0]!.details.outboxId, id);
      } finally {
        transport.close();
        await hung.close();
      }
    });

    it('a refused login or sender is logged with the message id and no secret; a message given up is logged as an error', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const refusing = new SMTPServer({
        logger: false,
        disabledCommands: ['STARTTLS'],
        allowInsecureAuth: true,
        closeTimeout: 50,
        onAuth: (_auth, _session, callback) => callback(new Error('Invalid username or password')),
      });
      await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', () => resolve()));
      const { port } = refusing.server.address() as { port: number };
      const transport = smtpTransport(`smtp://mailer:s3cret-pass@127.0.0.1:${port}`, FROM, 2_000);
      const log = collectingLog();
      try {
        const [fresh, old] = await enqueueMany(db, 2);
        await db.updateTable('outbox').set({ created_at: new Date(Date.now() - 25 * 3_600_000) }).where('id', '=', old!).execute();
        await makeDue(db, [fresh!, old!]);
        assert.deepEqual(await deliverDue(db, transport, 5, { log }), { sent: 0, failed: 2 });
        const byId = new Map(log.lines.map((line) => [line.details.outboxId, line]));
        assert.equal(byId.get(fresh)!.level, 'warn');
        assert.equal(byId.get(old)!.level, 'error');
        assert.match(String(byId.get(old)!.details.reason), /Invalid username or password|535/);
        assert.ok(!JSON.stringify(log.lines).includes('s3cret-pass'), 'no password in the log');
        const [oldRow] = await outboxRows(db, [old!]);
        assert.equal(oldRow!.status, 'failed');
      } finally {
        transport.close();
        await new Promise<void>((resolve) => refusing.close(() => resolve()));
      }
    });

    it('a refused sender and a server that is down are each logged with the message id', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const refusing = new SMTPServer({
        logger: false,
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        closeTimeout: 50,
        onMailFrom: (_address, _session, callback) => callback(Object.assign(new Error('Sender address rejected'), { responseCode: 553 })),
      });
      await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', () => resolve()));
      const { port } = refusing.server.address() as { port: number };
      const log = collectingLog();
      const refusedTransport = smtpTransport(`smtp://127.0.0.1:${port}`, FROM, 2_000);
      try {
        const [id] = await enqueueMany(db, 1);
        assert.deepEqual(await deliverDue(db, refusedTransport, 5, { log }), { sent: 0, failed: 1 });
        assert.equal(log.lines[0]!.details.outboxId, id);
        assert.match(String(log.lines[0]!.details.reason), /Sender address rejected/);
      } finally {
        refusedTransport.close();
        await new Promise<void>((resolve) => refusing.close(() => resolve()));
      }
      const down = smtpTransport(`smtp://127.0.0.1:${await closedPort()}`, FROM, 2_000);
      try {
        const [id] = await enqueueMany(db, 1);
        assert.deepEqual(await deliverDue(db, down, 5, { log }), { sent: 0, failed: 1 });
        const line = log.lines.find((entry) => entry.details.outboxId === id)!;
        assert.equal(line.level, 'warn');
        assert.match(String(line.details.reason), /ECONNREFUSED/);
      } finally {
        down.close();
      }
    });

    it('stopping during a hung send hands the email back to the outbox within the wait given, and it is sent once later', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const [id] = await enqueueMany(db, 1);
      const hung = await startHungSmtp();
      const log = collectingLog();
      const worker = startOutboxWorker(db, smtpTransport(hung.url, FROM, 60_000), { intervalMs: 60_000, log });
      void worker.poke();
      await hung.dataStarted;
      const started = Date.now();
      await worker.stop(500);
      assert.ok(Date.now() - started < 2_000, `stopped in ${Date.now() - started} ms`);
      const [row] = await outboxRows(db, [id!]);
      assert.equal(row!.status, 'pending', 'back in the outbox');
      assert.ok(row!.next_attempt_at.getTime() <= Date.now() + 1000, 'due again at once');
      assert.ok(log.lines.some((line) => line.message.includes('handed back')));
      await hung.close();

      const sink = await startSmtpSink();
      const transport = smtpTransport(sink.url, FROM);
      try {
        assert.deepEqual(await deliverDue(db, transport, 5), { sent: 1, failed: 0 });
        assert.equal(sink.count(row!.message_id), 1);
      } finally {
        transport.close();
        await sink.close();
      }
    });
  });
}

describe('SIGTERM while the mail server hangs (rewards serve, PGlite)', () => {
  it('exits within the grace period, and the email it was sending goes out once after the restart', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-sigterm-'));
    const hung = await startHungSmtp();
    try {
      let messageId: string;
      {
        // The suites' migrated template: no initdb in the test (the server's own start is what is timed).
        const database = await openDatabase({ engine: 'pglite', dataDir: folder, template: await pgliteTemplate() });
        await migrate(database.db);
        const [id] = await enqueueMany(database.db, 1);
        messageId = (await outboxRows(database.db, [id!]))[0]!.message_id;
        await database.close();
      }
      const child = spawn(process.execPath, [path.join(here, '..', 'bin', 'rewards.js'), 'serve'], {
        env: {
          ...process.env,
          PORT: '0',
          REWARDS_DATA_DIR: folder,
          REWARDS_WEB: 'off',
          SMTP_URL: hung.url,
          SMTP_TIMEOUT_SECONDS: '120',
          SHUTDOWN_GRACE_SECONDS: '3',
          LOG_LEVEL: 'info',
          REWARDS_ADMIN_TOKEN: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const sending = await Promise.race([hung.dataStarted.then(() => true), exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), 60_000))]);
      assert.ok(sending, `the server started sending: ${output}`);
      const signalled = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      const took = Date.now() - signalled;
      assert.equal(code, 0, output);
      assert.ok(took < 3_000 + 2_500, `exited ${took} ms after SIGTERM (grace 3 s): ${output}`);
      assert.match(output, /handed back to the outbox/);

      await hung.close();
      const database = await openDatabase({ engine: 'pglite', dataDir: folder });
      const sink = await startSmtpSink();
      const transport = smtpTransport(sink.url, FROM);
      try {
        const row = await database.db.selectFrom('outbox').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow();
        assert.equal(row.status, 'pending');
        assert.deepEqual(await deliverDue(database.db, transport, 5), { sent: 1, failed: 0 });
        assert.equal(sink.count(messageId), 1);
      } finally {
        transport.close();
        await sink.close();
        await database.close();
      }
    } finally {
      await hung.close().catch(() => {});
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
