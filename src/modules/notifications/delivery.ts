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
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  readonly name: string;
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(email) {
      await transporter.sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId });
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP: each message as an .eml file in a folder (the dev mailbox). */
export function mailboxTransport(dir: string, from: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    name: 'mailbox',
    async send(email) {
      fs.mkdirSync(dir, { recursive: true });
      const info = await builder.sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.messageId.replace(/[^A-Za-z0-9-]/g, '')}.eml`;
      fs.writeFileSync(path.join(dir, name), info.message as Buffer);
    },
    close: () => builder.close(),
  };
}

const LEASE_SECONDS = 120;
const GIVE_UP_AFTER_HOURS = 24;

/** 30 s, 1 min, 2 min, ... capped at 10 min: an hour-long outage costs about ten attempts. */
export const backoffSeconds = (attempts: number) => Math.min(600, 30 * 2 ** Math.max(0, attempts - 1));

export async function deliverDue(db: Db, transport: MailTransport, limit = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await sql<{ id: string; message_id: string; recipient: string; subject: string; text_body: string; html_body: string; attempts: number; created_at: Date }>`
    update outbox set status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where id in (
      select id from outbox
      where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and lease_until < now())
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id, message_id, recipient, subject, text_body, html_body, attempts, created_at`.execute(db);
  let sent = 0;
  let failed = 0;
  for (const row of claimed.rows) {
    try {
      await transport.send({ messageId: row.message_id, to: row.recipient, subject: row.subject, text: row.text_body, html: row.html_body });
      await db.updateTable('outbox').set({ status: 'sent', sent_at: new Date(), lease_until: null, last_error: null }).where('id', '=', row.id).execute();
      sent += 1;
    } catch (error) {
      const givingUp = row.created_at.getTime() < Date.now() - GIVE_UP_AFTER_HOURS * 3_600_000;
      await db
        .updateTable('outbox')
        .set({
          status: givingUp ? 'failed' : 'pending',
          lease_until: null,
          last_error: String((error as Error).message ?? error).slice(0, 1000),
          next_attempt_at: new Date(Date.now() + backoffSeconds(row.attempts) * 1000),
        })
        .where('id', '=', row.id)
        .execute();
      failed += 1;
    }
  }
  return { sent, failed };
}

export interface OutboxWorker {
  /** Runs one delivery round now (tests, and after a change that enqueued mail). */
  poke(): Promise<void>;
  stop(): Promise<void>;
}

export function startOutboxWorker(
  db: Db,
  transport: MailTransport,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): OutboxWorker {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        while (!stopped && (await deliverDue(db, transport)).sent === 20) {
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
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
