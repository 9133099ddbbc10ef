import { sql } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { t, type Locale } from '../../platform/i18n/i18n.ts';
import { type TechnicalRequestStatus } from '../../platform/values.ts';
import { describePhone } from '../benefits/benefits.service.ts';
import { enqueueEmail } from '../notifications/notifications.service.ts';
import { requestAbilities } from './technical.policy.ts';
import { localized, type Links } from './technical.context.ts';

/** Reading and writing a technical request's rows: the request with its offer, its history, messages and mails (technical-requests.service.ts decides). */

export const REQUEST_COLUMNS = [
  'r.id',
  sql<string>`'TR-' || r.reference`.as('reference'),
  'r.partner_account_id as partnerAccountId',
  'r.entitlement_id as benefitId',
  'r.reserved_quantity as reservedQuantity',
  'r.reserved_unit as reservedUnit',
  'r.phase',
  'r.solution_type as solutionType',
  'r.offer_id as offerId',
  'o.name as offerName',
  'r.title',
  'r.description',
  'r.contact_user_id as contactUserId',
  'r.contact_name as contactName',
  'r.contact_email as contactEmail',
  'r.contact_phone as contactPhone',
  'r.contact_language as contactLanguage',
  'r.time_zone as timeZone',
  'r.status',
  'r.revision',
  'r.scheduled_at as scheduledAt',
  'r.created_at as createdAt',
  'r.updated_at as updatedAt',
] as const;

export const requests = (db: Db) => db.selectFrom('technical_requests as r').innerJoin('offers as o', 'o.id', 'r.offer_id').select(REQUEST_COLUMNS);
export type RequestRow = NonNullable<Awaited<ReturnType<ReturnType<typeof requests>['executeTakeFirst']>>>;

export function toSummary(row: RequestRow) {
  return {
    id: row.id,
    reference: row.reference,
    benefitId: row.benefitId,
    phase: row.phase,
    solutionType: row.solutionType,
    offerId: row.offerId,
    offerName: row.offerName,
    title: row.title,
    status: row.status,
    revision: row.revision,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: requestAbilities(row.status),
  };
}

export async function detailOf(db: Db, row: RequestRow, locale: Locale) {
  const [events, messages, attachments, benefit] = await Promise.all([
    db
      .selectFrom('technical_request_events')
      .select(['occurred_at as occurredAt', 'from_status as from', 'to_status as to', 'actor_type as actorType', 'reason'])
      .where('request_id', '=', row.id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('technical_request_messages')
      .select(['id', 'author_type as authorType', 'author_name as authorName', 'body', 'created_at as createdAt'])
      .where('request_id', '=', row.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('technical_request_attachments')
      .select(['id', 'file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes', 'uploaded_by_type as uploadedBy', 'created_at as createdAt'])
      .where('request_id', '=', row.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('entitlements as e')
      .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
      .select(['e.benefit_code as code', 'b.names'])
      .where('e.id', '=', row.benefitId)
      .executeTakeFirst(),
  ]);
  const { display } = describePhone(row.contactPhone);
  return {
    ...toSummary(row),
    benefitName: benefit ? localized(benefit.names, locale) : '',
    reserved: { quantity: Number(row.reservedQuantity), unit: row.reservedUnit },
    description: row.description,
    contact: {
      userId: row.contactUserId,
      name: row.contactName,
      email: row.contactEmail,
      phone: row.contactPhone,
      phoneDisplay: display,
      preferredLanguage: row.contactLanguage,
    },
    timeZone: row.timeZone,
    history: events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
    messages: messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString() })),
    attachments: attachments.map((file) => ({ ...file, createdAt: file.createdAt.toISOString() })),
  };
}

export type RequestDetail = Awaited<ReturnType<typeof detailOf>>;

export async function findOwnRequest(db: Db, accountId: string, id: string, options: { lock?: boolean } = {}) {
  if (options.lock) {
    const locked = await db.selectFrom('technical_requests').select('id').where('id', '=', id).where('partner_account_id', '=', accountId).forUpdate().executeTakeFirst();
    if (!locked) return undefined;
  }
  return requests(db).where('r.id', '=', id).where('r.partner_account_id', '=', accountId).executeTakeFirst();
}

export async function findAnyRequest(db: Db, id: string, options: { lock?: boolean } = {}) {
  if (options.lock) await db.selectFrom('technical_requests').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return requests(db).where('r.id', '=', id).executeTakeFirst();
}

export function linkOf(links: Links, id: string) {
  return `${links.portalUrl}/rewards/technical/requests/${id}`;
}

export async function mailContact(db: Db, row: RequestRow, account: { name: string }, links: Links, kind: 'submitted' | 'status' | 'message', extra: { reason?: string | null } = {}) {
  const locale = row.contactLanguage;
  await enqueueEmail(db, {
    template: kind === 'submitted' ? 'technical-request-submitted' : kind === 'status' ? 'technical-request-status' : 'technical-request-message',
    recipient: row.contactEmail,
    recipientName: row.contactName,
    locale,
    values: {
      name: row.contactName,
      account: account.name,
      reference: row.reference,
      title: row.title,
      status: t(locale, `technical.status.${row.status}`),
      reason: extra.reason ?? '',
      // The session's time in the request's own time zone, as the contact reads it.
      when:
        row.status === 'scheduled' && row.scheduledAt
          ? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: row.timeZone }).format(row.scheduledAt)
          : '',
      timeZone: row.timeZone,
      link: linkOf(links, row.id),
    },
  });
}

export async function recordEvent(db: Db, requestId: string, from: TechnicalRequestStatus | null, to: TechnicalRequestStatus, ctx: RequestContext, reason: string | null) {
  await db
    .insertInto('technical_request_events')
    .values({
      request_id: requestId,
      occurred_at: ctx.now,
      from_status: from,
      to_status: to,
      actor_type: ctx.actor.type,
      actor_id: ctx.actor.type === 'system' ? null : ctx.actor.id,
      reason,
    })
    .execute();
}

export function revisionConflict(row: RequestRow): AppError {
  return new AppError('REVISION_CONFLICT', { conflict: { type: 'technical-request', id: row.id, revision: row.revision } });
}

export async function addMessage(db: Db, row: RequestRow, body: string, ctx: RequestContext, authorName: string) {
  await db
    .insertInto('technical_request_messages')
    .values({
      request_id: row.id,
      author_type: ctx.actor.type === 'operator' ? 'operator' : 'user',
      author_id: ctx.actor.type === 'system' ? null : ctx.actor.id,
      author_name: authorName,
      body: body.trim(),
      created_at: ctx.now,
    })
    .execute();
}
