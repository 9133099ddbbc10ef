import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { renderEmail, type EmailTemplate, type EmailValues } from './templates.ts';

/**
 * The transactional outbox: an email is a row written in the same transaction
 * as the change it announces, so nothing is announced that did not happen and
 * nothing that happened goes unannounced. The delivery worker sends it later.
 */
/** Mails queued to a recipient (any case) since `since`, and the oldest of them: for the per-recipient daily limit. */
export async function recentMailsTo(db: Db, recipient: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('created_at').as('oldest')])
    .where((eb) => eb(eb.fn('lower', ['recipient']), '=', recipient.trim().toLowerCase()))
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ? new Date(row.oldest) : null };
}

/** As long as a display name may be in the outbox (its check, migration 0012). */
const MAX_NAME_CHARACTERS = 200;

/**
 * A display name as one header-safe line: control characters (a CR/LF would start a header of its own)
 * and runs of spaces become one space, and it is cut to what the outbox keeps. Nodemailer then quotes or
 * encodes it (commas, quotes, non-ASCII); an empty name is no name, and the To: is the address alone.
 */
export function displayNameForHeader(name: string | null | undefined): string | null {
  if (!name) return null;
  const line = name.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
  return line === '' ? null : Array.from(line).slice(0, MAX_NAME_CHARACTERS).join('').trim();
}

export async function enqueueEmail(
  db: Db,
  email: {
    template: EmailTemplate;
    recipient: string;
    /** Who the address belongs to, for the To: header (null when nobody in particular: a company or team mailbox without a name). */
    recipientName: string | null;
    locale: Locale;
    values: EmailValues;
  },
): Promise<string> {
  const rendered = renderEmail(email.template, email.locale, email.values);
  const row = await db
    .insertInto('outbox')
    .values({
      message_id: `<${randomUUID()}@marketplace-rewards>`,
      kind: email.template,
      recipient: email.recipient,
      recipient_name: displayNameForHeader(email.recipientName),
      locale: email.locale,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** What the outbox holds, newest first, with the count per status (operators' view). */
/** The outbox newest first. */
const OUTBOX: Keyset = {
  list: 'outbox',
  keys: [
    { column: 'created_at', direction: 'desc', type: 'timestamptz' },
    { column: 'id', direction: 'desc', type: 'uuid' },
  ],
};

export async function outboxView(db: Db, query: PageRequest & { status?: OutboxStatus }) {
  let rows = db
    .selectFrom('outbox')
    .select(['id', 'message_id', 'kind', 'recipient', 'recipient_name', 'locale', 'subject', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'sent_at']);
  if (query.status) rows = rows.where('status', '=', query.status);
  const page = await readPage(OUTBOX, query, rows);
  const items = page.items;
  const grouped = await db.selectFrom('outbox').select(['status', db.fn.countAll<string>().as('n')]).groupBy('status').execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of grouped) counts[row.status] = Number(row.n);
  return {
    counts,
    items: items.map((row) => ({
      id: row.id,
      messageId: row.message_id,
      kind: row.kind,
      recipient: row.recipient,
      recipientName: row.recipient_name,
      locale: row.locale,
      subject: row.subject,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at.toISOString(),
      lastError: row.last_error,
      createdAt: row.created_at.toISOString(),
      sentAt: row.sent_at?.toISOString() ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * One message's text, as the partner got it (an operator reads it on request: it is the partner's
 * correspondence, so each read is on record with the operator, as the partner file's are).
 */
export async function outboxMessageText(db: Db, id: string, ctx: RequestContext): Promise<{ id: string; subject: string; locale: Locale; textBody: string }> {
  const row = await db.selectFrom('outbox').select(['id', 'kind', 'recipient', 'subject', 'locale', 'text_body']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  await recordAudit(db, { actor: ctx.actor, action: 'outbox.read', subjectType: 'outbox', subjectId: id, details: { kind: row.kind, recipient: row.recipient }, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) });
  return { id: row.id, subject: row.subject, locale: row.locale, textBody: row.text_body };
}

/**
 * A failed message queued to be sent again (an operator, once the cause is resolved): its attempts
 * start over, its Message-ID stays (a recipient's server that did take it before sees a duplicate).
 */
export async function resendFailed(db: Db, id: string, ctx: RequestContext): Promise<{ id: string; status: 'pending' }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbox').select(['status', 'kind', 'recipient']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound();
    if (row.status !== 'failed') throw new AppError('MESSAGE_NOT_FAILED', { values: { status: row.status } });
    await trx.updateTable('outbox').set({ status: 'pending', attempts: 0, next_attempt_at: ctx.now, lease_until: null }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: ctx.actor, action: 'outbox.resend', subjectType: 'outbox', subjectId: id, details: { kind: row.kind, recipient: row.recipient }, requestId: ctx.requestId });
    return { id, status: 'pending' as const };
  });
}

/** What waits in the outbox, for readiness: the number of messages not sent yet and the age of the oldest. */
export async function outboxBacklog(db: Db, now: Date): Promise<{ waiting: number; oldestWaitingSeconds: number | null }> {
  const row = await db
    .selectFrom('outbox')
    .select([db.fn.countAll<string>().as('waiting'), db.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow();
  const oldest = row.oldest as Date | null;
  return { waiting: Number(row.waiting), oldestWaitingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - new Date(oldest).getTime()) / 1000)) : null };
}
