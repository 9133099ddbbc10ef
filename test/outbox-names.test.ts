import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deliverDue, mailboxFileName, mailboxTransport, type OutgoingEmail } from '../src/modules/notifications/delivery.ts';
import { displayNameForHeader, enqueueEmail } from '../src/modules/notifications/notifications.service.ts';
import type { Db } from '../src/platform/db/database.ts';
import { engines, startTestApp, unique, type TestApp } from './helpers.ts';
import { decodeWords, FROM, markAllSent, outboxRows as rows, smtpFixtures } from './outbox-helpers.ts';

// The outbox, names: the To: header carries the recipient's display name, written by nodemailer from an
// address object (quoted, or RFC 2047-encoded, never a header of its own), over SMTP and into the dev
// mailbox; and the dev mailbox's files are named by date and subject, safe, unique and sortable.

/** The raw header block of a message, unfolded, one header a line. */
function rawHeaderLines(raw: string): string[] {
  const normalized = raw.replace(/\r\n/g, '\n');
  return normalized.slice(0, normalized.indexOf('\n\n')).replace(/\n[ \t]+/g, ' ').split('\n');
}

const ADDRESS = '([^\\s<>"@]+@[^\\s<>"@]+)';

/**
 * The name and address of a To: header with one mailbox, read by RFC 5322's rules (a quoted string,
 * encoded words, plain atoms, or the address alone), not by nodemailer's own parser: what it wrote must
 * read back to the same name for any mail client.
 */
function mailboxOf(header: string): { name: string | null; address: string } {
  const alone = new RegExp(`^${ADDRESS}$`).exec(header);
  if (alone) return { name: null, address: alone[1]! };
  const quoted = new RegExp(`^"((?:[^"\\\\]|\\\\.)*)" <${ADDRESS}>$`).exec(header);
  if (quoted) return { name: quoted[1]!.replace(/\\(.)/g, '$1'), address: quoted[2]! };
  const encoded = new RegExp(`^((?:=\\?[^?\\s]+\\?[BbQq]\\?[^?\\s]*\\?=\\s*)+)<${ADDRESS}>$`).exec(header);
  if (encoded) return { name: decodeWords(encoded[1]!.trim()), address: encoded[2]! };
  const atoms = new RegExp(`^([A-Za-z0-9!#$%&'*+/=?^_\`{|}~ -]+) <${ADDRESS}>$`).exec(header);
  assert.ok(atoms, `not one mailbox in RFC 5322 form: ${header}`);
  return { name: atoms[1]!, address: atoms[2]! };
}

/** Checks one message's header block: ASCII only, one To: with this name and address, no other recipient. */
function assertAddressed(raw: string, name: string | null, address: string) {
  const lines = rawHeaderLines(raw);
  for (const line of lines) assert.match(line, /^[\x20-\x7e]*$/, `a header line that is not printable ASCII: ${JSON.stringify(line)}`);
  const to = lines.filter((line) => /^to:/i.test(line));
  assert.equal(to.length, 1, `one To: header in ${JSON.stringify(lines)}`);
  assert.deepEqual(mailboxOf(to[0]!.slice(3).trim()), { name, address });
  assert.deepEqual(lines.filter((line) => /^(cc|bcc|reply-to):/i.test(line)), [], 'no other recipient');
}

// The names a display name must survive: non-ASCII (encoded), specials (quoted), both, long (folded), a
// line break meant to add a header (made one line), and none (the address alone).
const NAMES: { given: string | null; stored: string | null }[] = [
  { given: 'Jörg Müller', stored: 'Jörg Müller' },
  { given: 'Doe, "Jane"', stored: 'Doe, "Jane"' },
  { given: 'Müller, Jörg', stored: 'Müller, Jörg' },
  { given: 'Anne-Marie van den Berg', stored: 'Anne-Marie van den Berg' },
  { given: 'Zoë Ångström-Øverby van den Berg-Müller de la Cruz y Fernández', stored: 'Zoë Ångström-Øverby van den Berg-Müller de la Cruz y Fernández' },
  { given: 'Evil\r\nBcc: spy@evil.example', stored: 'Evil Bcc: spy@evil.example' },
  { given: '  \t ', stored: null },
  { given: null, stored: null },
];

async function enqueueNamed(db: Db): Promise<{ id: string; address: string; stored: string | null }[]> {
  const queued = [];
  for (const { given, stored } of NAMES) {
    const address = `${unique('n')}@mail.example`;
    const id = await enqueueEmail(db, {
      template: 'contact-assigned',
      recipient: address,
      recipientName: given,
      locale: 'en-US',
      values: { name: given ?? '', account: 'Contoso', mpnId: '4100001', changedBy: 'Megan', changedByUsername: 'megan@contoso.example', link: 'http://localhost:3000/rewards' },
    });
    queued.push({ id, address, stored });
  }
  return queued;
}

describe('display names for the To: header', () => {
  it('are one line of at most 200 characters, or none', () => {
    assert.equal(displayNameForHeader('Evil\r\nBcc: spy@evil.example'), 'Evil Bcc: spy@evil.example');
    assert.equal(displayNameForHeader('  Megan \u2028 Bowen\u0000 '), 'Megan Bowen');
    assert.equal(displayNameForHeader(''), null);
    assert.equal(displayNameForHeader(' \n '), null);
    assert.equal(displayNameForHeader(null), null);
    assert.equal(Array.from(displayNameForHeader('é'.repeat(300))!).length, 200, 'counted in characters, as PostgreSQL counts them');
  });
});

describe('the dev mailbox names its files by date and subject', () => {
  const email = (subject: string, messageId = '<1@marketplace-rewards>', createdAt = new Date(Date.UTC(2026, 11, 2, 18, 30, 5, 250))) => ({ subject, messageId, createdAt });
  const SAFE = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z_[A-Za-z0-9-]+_[0-9a-f]{12}\.eml$/;

  it('as the time it was queued, the subject in words, and a part of its own', () => {
    const name = mailboxFileName(email('Your benefit is activated'));
    assert.match(name, /^2026-12-02T18-30-05Z_Your-benefit-is-activated_[0-9a-f]{12}\.eml$/);
    assert.equal(mailboxFileName(email('Your benefit is activated')), name, 'the same message, the same name (a second send replaces its file)');
    assert.notEqual(mailboxFileName(email('Your benefit is activated', '<2@marketplace-rewards>')), name, 'another message of the same second and subject');
  });

  it('keeps Dutch (and other) words readable without their accents, and nothing a file system minds', () => {
    const cases: [string, string][] = [
      ['Campagnemateriaal is geactiveerd voor Café Bræþ/Ødegaard', 'Campagnemateriaal-is-geactiveerd-voor-Cafe-Braeth-Odegaard'],
      ['Opvolging te laat: geïnstalleerd, één, Straße', 'Opvolging-te-laat-geinstalleerd-een-Strasse'],
      ['../../etc/passwd\u0000\r\nBcc: x', 'etc-passwd-Bcc-x'],
      ['C:\\Windows\\* "quoted" <tag> | ? 🎉 — done.', 'C-Windows-quoted-tag-done'],
    ];
    for (const [subject, words] of cases) {
      const name = mailboxFileName(email(subject));
      assert.match(name, SAFE, subject);
      assert.equal(name.split('_')[1], words, subject);
    }
    assert.equal(mailboxFileName(email('🎉 ✓ ')).split('_')[1], 'no-subject');
  });

  it('cuts a long subject at a whole word, and the name stays short', () => {
    const subject = 'Technical assistance request TR-1042 received: ' + 'architecture review of the hybrid connector '.repeat(5);
    const name = mailboxFileName(email(subject));
    assert.match(name, SAFE);
    assert.ok(name.length <= 118, `${name.length} characters`);
    const words = name.split('_')[1]!;
    assert.ok(words.length <= 80 && words.length > 70, words);
    assert.ok(subject.replace(/[^A-Za-z0-9]+/g, '-').startsWith(`${words}-`), `ends at a whole word: ${words}`);
    assert.equal(mailboxFileName(email('x'.repeat(200))).split('_')[1], 'x'.repeat(80), 'one long word is cut');
  });

  it('sort by when the messages were queued', () => {
    const times = [Date.UTC(2026, 0, 9, 23, 59, 59), Date.UTC(2026, 0, 10, 0, 0, 0), Date.UTC(2026, 9, 1, 8, 0, 0), Date.UTC(2027, 0, 1)];
    const names = times.map((time, i) => mailboxFileName(email(`Zebra ${4 - i}`, `<${i}@x>`, new Date(time))));
    assert.deepEqual([...names].sort(), names);
  });
});

for (const engine of engines()) {
  describe(`outbox names (${engine.name})`, () => {
    let t: TestApp;
    const { smtpTo, freshSmtp, transports, close: closeSmtp } = smtpFixtures();
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => {
      await closeSmtp();
      await t.close();
    });

    it('refuses a stored name with a line break, or an empty one, whatever wrote it', async () => {
      const db = t.database.db;
      const row = { message_id: `<${unique('m')}@test>`, kind: 'contact-assigned', recipient: 'a@mail.example', locale: 'en-US' as const, subject: 's', text_body: 't', html_body: 'h' };
      for (const name of ['Evil\r\nBcc: spy@evil.example', 'Tab\there', '']) {
        await assert.rejects(db.insertInto('outbox').values({ ...row, message_id: `<${unique('m')}@test>`, recipient_name: name }).execute(), /check/i, JSON.stringify(name));
      }
      await db.insertInto('outbox').values({ ...row, recipient_name: 'Jörg Müller', status: 'sent' }).execute();
    });

    it("delivers over SMTP with the recipient's display name in the To: header, encoded or quoted, and nobody added", async () => {
      const db = t.database.db;
      await markAllSent(db);
      const queued = await enqueueNamed(db);
      const stored = await rows(db, queued.map((q) => q.id));
      assert.deepEqual(stored.map((row) => row.recipient_name), queued.map((q) => q.stored));

      const sink = await freshSmtp();
      assert.deepEqual(await deliverDue(db, smtpTo(sink.url), 50), { sent: queued.length, failed: 0 });
      assert.equal(sink.messages.length, queued.length);
      for (const [i, q] of queued.entries()) {
        const mail = sink.messages.find((m) => m.messageId === stored[i]!.message_id);
        assert.ok(mail, `message ${i} arrived`);
        assert.deepEqual(mail.envelopeTo, [q.address], 'the envelope has the address alone');
        assertAddressed(mail.raw, q.stored, q.address);
      }
      assert.match(sink.messages.find((m) => m.envelopeTo[0] === queued[0]!.address)!.raw, /^To: =\?UTF-8\?Q\?J=C3=B6rg_M=C3=BCller\?= </m);
      assert.match(sink.messages.find((m) => m.envelopeTo[0] === queued[1]!.address)!.raw, /^To: "Doe, \\"Jane\\"" </m);
    });

    it('writes the same To: into the mailbox, one file per message named by date and subject, none half-written, each once', async () => {
      const db = t.database.db;
      await markAllSent(db);
      const queued = await enqueueNamed(db);
      // Queued at fixed times (the file names are theirs, not the wall clock's): all in one second but the first.
      const second = new Date(Date.UTC(2026, 11, 2, 18, 30, 5));
      await db.updateTable('outbox').set({ created_at: second }).where('id', 'in', queued.map((q) => q.id)).execute();
      await db.updateTable('outbox').set({ created_at: new Date(second.getTime() - 3_600_000) }).where('id', '=', queued[0]!.id).execute();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-mailbox-'));
      try {
        const mailbox = path.join(dir, 'mailbox');
        const transport = mailboxTransport(mailbox, FROM);
        transports.push(transport);
        assert.deepEqual(await deliverDue(db, transport, 50), { sent: queued.length, failed: 0 });
        const files = fs.readdirSync(mailbox).sort();
        assert.equal(files.length, queued.length, `one file each, no temporary file left: ${files.join(', ')}`);
        const stored = await rows(db, queued.map((q) => q.id));
        assert.ok(files[0]!.startsWith('2026-12-02T17-30-05Z_You-are-the-marketing-contact-for-Contoso-in-Marketplace-Rewards_'), files[0]);
        for (const file of files.slice(1)) assert.ok(file.startsWith('2026-12-02T18-30-05Z_You-are-the-marketing-contact-for-Contoso-in-Marketplace-Rewards_'), file);
        for (const [i, q] of queued.entries()) {
          const row = stored[i]!;
          const email: OutgoingEmail = { messageId: row.message_id, to: row.recipient, toName: row.recipient_name, createdAt: row.created_at, subject: row.subject, text: row.text_body, html: row.html_body };
          const file = mailboxFileName(email);
          assert.ok(files.includes(file), `${file} is in the mailbox`);
          const raw = fs.readFileSync(path.join(mailbox, file), 'utf8');
          assert.ok(raw.includes(`Message-ID: ${row.message_id}`), 'the file holds its own message');
          assertAddressed(raw, q.stored, q.address);
        }

        // Sent again after a crash between writing and marking: the file is replaced, not doubled.
        const row = stored[1]!;
        await transport.send({ messageId: row.message_id, to: row.recipient, toName: row.recipient_name, createdAt: row.created_at, subject: row.subject, text: row.text_body, html: row.html_body });
        assert.deepEqual(fs.readdirSync(mailbox).sort(), files);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
