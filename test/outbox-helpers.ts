import assert from 'node:assert/strict';
import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { smtpTransport, type MailTransport } from '../src/modules/notifications/delivery.ts';
import { enqueueEmail } from '../src/modules/notifications/notifications.service.ts';
import type { Db } from '../src/platform/db/database.ts';
import { unique } from './helpers.ts';

/**
 * Fixtures for the outbox delivery tests (outbox-delivery*.test.ts): outbox rows written
 * and read straight from the table, an SMTP server on a free port that collects what it
 * receives, and a small MIME reader for those messages.
 */
export const FROM = 'Marketplace Rewards <rewards@localhost>';

/** Marks every outbox row as already delivered, so a delivery test sees only the rows it creates. */
export async function markAllSent(db: Db): Promise<void> {
  await db.updateTable('outbox').set({ status: 'sent', sent_at: new Date(), lease_until: null }).where('status', 'in', ['pending', 'sending']).execute();
}


/** Outbox rows by id, in the order of the ids given. */
export async function outboxRows(db: Db, ids: string[]) {
  const found = await db.selectFrom('outbox').selectAll().where('id', 'in', ids).execute();
  return ids.map((id) => {
    const row = found.find((r) => r.id === id);
    assert.ok(row, `outbox row ${id} is gone`);
    return row;
  });
}

/** `n` emails written straight into the outbox, each to its own recipient. */
export async function enqueueMany(db: Db, n: number, locale: 'en-US' | 'nl-NL' = 'en-US'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await enqueueEmail(db, {
        template: 'contact-assigned',
        recipient: `${unique('r')}@mail.example`,
        recipientName: `Person ${i}`,
        locale,
        values: { name: `Person ${i}`, account: `Account ${i}`, mpnId: '4100001', changedBy: 'Megan', changedByUsername: 'megan@contoso.example', link: 'http://localhost:3000/rewards' },
      }),
    );
  }
  return ids;
}

/** Makes the rows due now (their next attempt a second ago). */
export async function makeDue(db: Db, ids: string[]) {
  await db.updateTable('outbox').set({ next_attempt_at: new Date(Date.now() - 1000) }).where('id', 'in', ids).execute();
}

/**
 * The SMTP side of a delivery suite: `smtpTo(url)` makes a transport (closed with the suite),
 * `freshSmtp()` starts a new sink (closing the previous one); `close()` in the suite's after.
 */
export function smtpFixtures() {
  let smtp: SmtpSink | null = null;
  const transports: MailTransport[] = [];
  return {
    /** Every transport to close with the suite (a test may add its own). */
    transports,
    smtpTo: (url: string): MailTransport => {
      const transport = smtpTransport(url, FROM);
      transports.push(transport);
      return transport;
    },
    freshSmtp: async (options: { delayMs?: number } = {}): Promise<SmtpSink> => {
      await smtp?.close();
      smtp = await startSmtpSink(options);
      return smtp;
    },
    close: async (): Promise<void> => {
      for (const transport of transports) transport.close();
      await smtp?.close();
    },
  };
}

// ---------------------------------------------------------------------------
// SMTP

export interface ParsedMail {
  headers: Map<string, string>;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface ReceivedMail extends ParsedMail {
  raw: string;
  envelopeTo: string[];
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** How many messages carried this Message-ID. */
  count(messageId: string): number;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 (a free port) that keeps every message it accepts. */
export async function startSmtpSink(options: { delayMs?: number } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const finish = () => {
          try {
            messages.push({ ...parseMail(raw), raw, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          } catch (error) {
            callback(error as Error);
          }
        };
        if (options.delayMs) setTimeout(finish, options.delayMs);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  assert.ok(address && typeof address === 'object');
  const port = address.port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    count: (messageId) => messages.filter((m) => m.messageId === messageId).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

// ---------------------------------------------------------------------------
// A small MIME reader for what nodemailer sends: headers (RFC 2047 words),
// multipart bodies, quoted-printable and base64. `mailparser` is not installed.

/** RFC 2047 encoded words (=?UTF-8?Q?...?=) decoded, adjacent ones joined. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const normalized = raw.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? '' : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'quoted-printable': {
      const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

function collectParts(headers: Map<string, string>, body: string, into: { text: string; html: string }, depth = 0): void {
  assert.ok(depth < 5, 'MIME nesting too deep');
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith('--')) break;
      const part = splitHeaders(section.replace(/^\n/, ''));
      collectParts(part.headers, part.body.replace(/\n$/, ''), into, depth + 1);
    }
    return;
  }
  const decoded = decodeBody(body, headers.get('content-transfer-encoding'));
  if (/^text\/html/i.test(type)) into.html += decoded;
  else if (/^text\/plain/i.test(type)) into.text += decoded;
}

export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHeaders(raw);
  const parts = { text: '', html: '' };
  collectParts(headers, body, parts);
  return {
    headers,
    messageId: headers.get('message-id') ?? '',
    from: headers.get('from') ?? '',
    to: headers.get('to') ?? '',
    subject: headers.get('subject') ?? '',
    text: parts.text,
    html: parts.html,
  };
}
