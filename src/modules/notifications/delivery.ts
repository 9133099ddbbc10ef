import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { Db } from '../../platform/db/database.ts';

/**
 * Delivers the outbox: claims due rows with a lease (so several instances
 * never send the same row at once), sends, marks. A failure retries with
 * exponential backoff for a day before the row is marked failed; a crash
 * between send and mark leaves the lease to expire and the row is sent again
 * with the same Message-ID, which receiving servers use to drop the duplicate.
 */
export interface OutgoingEmail {
  messageId: string;
  to: string;
  /** The recipient's display name (one line, from the outbox), or null for the address alone. */
  toName: string | null;
  /** When the email was queued: the dev mailbox names its file by it. */
  createdAt: Date;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  readonly name: string;
  /** The longest one message may take; a send still running then counts as failed (and the lease covers it). */
  readonly maxSendMs: number;
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer, with every wait bounded: connecting, the greeting, and any silence on the
 * socket each end after `timeoutMs` (nodemailer's defaults are two and ten minutes), and one message
 * after twice that whatever the server does.
 */
export function smtpTransport(url: string, from: string, timeoutMs = 20_000): MailTransport {
  const transporter = nodemailer.createTransport(url, {});
  const options = transporter.options as { connectionTimeout?: number; greetingTimeout?: number; socketTimeout?: number; dnsTimeout?: number };
  Object.assign(options, { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs, dnsTimeout: timeoutMs });
  const maxSendMs = 2 * timeoutMs;
  return {
    name: 'smtp',
    maxSendMs,
    async send(email) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`the SMTP server took longer than ${maxSendMs / 1000} s`)), maxSendMs);
        timer.unref();
      });
      try {
        await Promise.race([
          transporter.sendMail(mailOf(from, email)),
          deadline,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * What nodemailer is handed. The recipient is an address object, never a string we put together: nodemailer
 * quotes a name with commas or quotes, encodes one that is not ASCII (RFC 2047), and keeps the address
 * apart, so no name can add a recipient or a header.
 */
function mailOf(from: string, email: OutgoingEmail) {
  const to = email.toName ? { name: email.toName, address: email.to } : email.to;
  return { from, to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId };
}

const SUBJECT_IN_NAME_MAX = 80;
/** Letters NFKD does not take apart into a base letter and its accents. */
const TRANSLITERATED: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'Th' };

/** At most SUBJECT_IN_NAME_MAX characters, ending at a whole word when there is one to end at. */
function shortened(words: string): string {
  const lastDash = words.slice(0, SUBJECT_IN_NAME_MAX + 1).lastIndexOf('-');
  return lastDash > 0 ? words.slice(0, lastDash) : words.slice(0, SUBJECT_IN_NAME_MAX);
}

/**
 * The dev mailbox's name for a message: `2026-12-02T18-30-05Z_Your-benefit-is-activated_3f9c0a1b2c4d.eml`.
 * It sorts by when the email was queued (not sent: a retry keeps its place), shows the subject (accents
 * dropped: "geïnstalleerd" is "geinstalleerd"; anything else but letters and digits becomes a dash; at most
 * 80 characters), and ends in 12 hex digits of a hash of its Message-ID: two equal emails of the same second
 * differ (each has its own Message-ID), and the same message always gets the same name, so sending it again
 * (after a crash between writing and marking) replaces its file rather than adding a second one. Only
 * [A-Za-z0-9_.-], and at most 118 characters.
 */
export function mailboxFileName(email: Pick<OutgoingEmail, 'createdAt' | 'subject' | 'messageId'>): string {
  const when = email.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  const words = email.subject
    .replace(/\P{ASCII}/gu, (c) => TRANSLITERATED[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const subject = words.length <= SUBJECT_IN_NAME_MAX ? words : shortened(words);
  const id = createHash('sha256').update(email.messageId).digest('hex').slice(0, 12);
  return `${when}_${subject || 'no-subject'}_${id}.eml`;
}

/**
 * Without SMTP: each message as an .eml file in a folder (the dev mailbox), named by mailboxFileName. The file
 * is written under a hidden temporary name and then renamed, so the folder never shows half a message, even
 * after a crash mid-write (a hidden `.tmp` file is all that remains of it).
 */
export function mailboxTransport(dir: string, from: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    name: 'mailbox',
    maxSendMs: 10_000,
    async send(email) {
      fs.mkdirSync(dir, { recursive: true });
      const info = await builder.sendMail(mailOf(from, email));
      const name = mailboxFileName(email);
      const partial = path.join(dir, `.${name}.${randomUUID()}.tmp`);
      fs.writeFileSync(partial, info.message as Buffer);
      fs.renameSync(partial, path.join(dir, name));
    },
    close: () => builder.close(),
  };
}

const GIVE_UP_AFTER_HOURS = 24;

/** 30 s, 1 min, 2 min, ... capped at 10 min: an hour-long outage costs about ten attempts. */
export const backoffSeconds = (attempts: number) => Math.min(600, 30 * 2 ** Math.max(0, attempts - 1));

/**
 * A claim lasts as long as one message may take plus a margin: a row is claimed one at a time, just
 * before it is sent, so a slow server never lets a lease run out mid-batch and another instance send
 * the same message again; and mail a crashed process had claimed waits at most this long.
 */
export const leaseSecondsFor = (transport: MailTransport) => Math.ceil(transport.maxSendMs / 1000) + 20;

/** Where delivery says what went wrong: each failed attempt (warn) and each message given up (error). */
export interface DeliveryLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface DeliveryOptions {
  log?: DeliveryLog;
  /** Told which claim is being sent (null when none), so a stop can hand it back (startOutboxWorker). */
  onClaim?: (claim: Claim | null) => void;
  /** Checked before each claim: a stopping worker claims nothing more. */
  stopped?: () => boolean;
  /** The claim's length (leaseSecondsFor the transport when absent; tests shorten it). */
  leaseSeconds?: number;
}

type ClaimedRow = {
  id: string;
  message_id: string;
  recipient: string;
  recipient_name: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
  created_at: Date;
};

async function claimOne(db: Db, leaseSeconds: number): Promise<ClaimedRow | undefined> {
  const claimed = await sql<ClaimedRow>`
    update outbox set status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => ${leaseSeconds})
    where id = (
      select id from outbox
      where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and lease_until < now())
      order by next_attempt_at
      limit 1
      for update skip locked)
    returning id, message_id, recipient, recipient_name, subject, text_body, html_body, attempts, created_at`.execute(db);
  return claimed.rows[0];
}

/** Sends up to `limit` due messages, claiming each just before sending it. */
export async function deliverDue(db: Db, transport: MailTransport, limit = 20, options: DeliveryOptions = {}): Promise<{ sent: number; failed: number }> {
  const leaseSeconds = options.leaseSeconds ?? leaseSecondsFor(transport);
  let sent = 0;
  let failed = 0;
  while (sent + failed < limit && !options.stopped?.()) {
    const row = await claimOne(db, leaseSeconds);
    if (!row) break;
    options.onClaim?.({ id: row.id, attempts: row.attempts });
    try {
      await transport.send({
        messageId: row.message_id,
        to: row.recipient,
        toName: row.recipient_name,
        createdAt: row.created_at,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
      });
      // Marked sent whoever holds it now: it went out. (Another sender that took it over after our lease ran
      // out may send it again with the same Message-ID; that is SMTP's at-least-once.)
      await db.updateTable('outbox').set({ status: 'sent', sent_at: new Date(), lease_until: null, last_error: null }).where('id', '=', row.id).execute();
      sent += 1;
    } catch (error) {
      const givingUp = row.created_at.getTime() < Date.now() - GIVE_UP_AFTER_HOURS * 3_600_000;
      const reason = String((error as Error).message ?? error).slice(0, 1000);
      const nextAttemptAt = new Date(Date.now() + backoffSeconds(row.attempts) * 1000);
      await db
        .updateTable('outbox')
        .set({ status: givingUp ? 'failed' : 'pending', lease_until: null, last_error: reason, next_attempt_at: nextAttemptAt })
        .where('id', '=', row.id)
        // Only our own claim: if the row was handed back (a stop) or taken over, its new sender's claim stands.
        .where('status', '=', 'sending')
        .where('attempts', '=', row.attempts)
        .execute();
      // The message id and the server's answer; never the recipient's mail, never credentials.
      const details = { outboxId: row.id, messageId: row.message_id, attempt: row.attempts, transport: transport.name, reason };
      if (givingUp) options.log?.error(details, 'email given up after a day of failed attempts; an operator can see it in the outbox');
      else options.log?.warn({ ...details, nextAttemptAt: nextAttemptAt.toISOString() }, 'email delivery failed; it will be tried again');
      failed += 1;
    } finally {
      options.onClaim?.(null);
    }
  }
  return { sent, failed };
}

/** One claim of a row: which row, at which attempt (a later claim of the same row has another). */
export interface Claim {
  id: string;
  attempts: number;
}

/**
 * Hands claimed rows back to the outbox at once: these claims (a stop that could not wait for them;
 * a row since claimed again by another sender is left to it), or every claim (the sole deliverer at start).
 */
export async function releaseClaims(db: Db, claims?: readonly Claim[]): Promise<number> {
  let query = db.updateTable('outbox').set({ status: 'pending', lease_until: null, next_attempt_at: new Date() }).where('status', '=', 'sending');
  if (claims) {
    if (claims.length === 0) return 0;
    query = query.where((eb) => eb.or(claims.map((claim) => eb.and([eb('id', '=', claim.id), eb('attempts', '=', claim.attempts)]))));
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface OutboxWorker {
  /** Runs one delivery round now (tests, and after a change that enqueued mail). */
  poke(): Promise<void>;
  /** Stops claiming; waits for the message being sent up to `waitMs`, then hands it back to the outbox. */
  stop(waitMs?: number): Promise<void>;
  /** Claims nothing more from now on; a later stop counts its wait from this moment. */
  halt(): void;
}

export function startOutboxWorker(
  db: Db,
  transport: MailTransport,
  options: { intervalMs?: number; onError?: (error: unknown) => void; log?: DeliveryLog } = {},
): OutboxWorker {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let sending: Claim | null = null;
  let haltedAt: number | null = null;
  const batch = 20;
  const round = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const delivery: DeliveryOptions = { onClaim: (id) => (sending = id), stopped: () => stopped, ...(options.log ? { log: options.log } : {}) };
        for (let done = await deliverDue(db, transport, batch, delivery); !stopped && done.sent + done.failed === batch; done = await deliverDue(db, transport, batch, delivery)) {
          // A full batch: more may be waiting.
        }
      } catch (error) {
        options.onError?.(error);
      }
    });
    return running;
  };
  const timer = setInterval(() => void round(), options.intervalMs ?? 5_000);
  timer.unref();
  return {
    poke: round,
    halt() {
      stopped = true;
      haltedAt ??= Date.now();
      clearInterval(timer);
    },
    async stop(waitMs = transport.maxSendMs) {
      this.halt();
      // The wait counts from the halt (the server's close began), not from now.
      waitMs = Math.max(0, haltedAt! + waitMs - Date.now());
      let timeout: NodeJS.Timeout | undefined;
      const waited = await Promise.race([
        running.then(() => 'done' as const),
        new Promise<'timeout'>((resolve) => (timeout = setTimeout(() => resolve('timeout'), waitMs))),
      ]);
      clearTimeout(timeout);
      if (waited === 'timeout' && sending) {
        // Whatever the hung send does later, the row is the outbox's again and goes out after the restart.
        const claim = sending;
        await releaseClaims(db, [claim]).catch((error: unknown) => options.onError?.(error));
        options.log?.warn({ outboxId: claim.id, waitedMs: waitMs }, 'stopping: an email still being sent was handed back to the outbox');
      }
      transport.close();
    },
  };
}
