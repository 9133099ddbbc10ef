import { sql } from 'kysely';
import { recentActions, recordAudit } from '../../platform/audit/audit.ts';
import type { Member, RequestContext } from '../../platform/context.ts';
import type { BeforeCommit, Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import { AppError, forbidden, notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { isLocale, t, type Locale } from '../../platform/i18n/i18n.ts';
import { TECHNICAL_PHASES, type SolutionType, type TechnicalPhase, type TechnicalRequestStatus } from '../../platform/values.ts';
import { canSeeRewards } from '../accounts/accounts.policy.ts';
import { findPartnerAccount, findUserOfAccount } from '../accounts/accounts.service.ts';
import { describePhone, marketingContactOfAccount, normalizePhone } from '../benefits/benefits.service.ts';
import { findOfferOfMpnId } from '../catalog/catalog.service.ts';
import { entitlementsOfCategory, transitionEntitlements } from '../eligibility/eligibility.service.ts';
import { enqueueEmail } from '../notifications/notifications.service.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX, cleanFileName, decodeBase64, sha256, sniffAttachment } from './attachments.ts';
import { CLOSED_STATUSES, findTransition, operatorMoves, requestAbilities, RETURNED_STATUSES, type RequestMover } from './technical.policy.ts';

/**
 * Technical assistance requests (the seed's "Technical benefits"): a partner asks for help in a phase
 * of a cloud or hybrid solution; the request reserves from one of the partner's technical benefits
 * (hours or requests, per the program definition) and gives it back when it is declined or cancelled.
 * Every change is one transaction with its history row, its audit entry and its email.
 */

export interface ContactInput {
  userId: string;
  email: string;
  phone: string;
  phoneCountry?: string | undefined;
  preferredLanguage: string;
}

export interface NewRequestInput {
  phase: TechnicalPhase;
  solutionType: SolutionType;
  offerId: string;
  title: string;
  description: string;
  contact?: ContactInput | undefined;
  timeZone?: string | undefined;
  benefitId?: string | undefined;
}

export interface RequestChangeInput {
  revision: number;
  phase?: TechnicalPhase | undefined;
  solutionType?: SolutionType | undefined;
  offerId?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  contact?: ContactInput | undefined;
  timeZone?: string | undefined;
  answer?: string | undefined;
}

/** Where the emails link to (the portal's public origin), and how many requests an account may submit a day. */
export interface Links {
  portalUrl: string;
  /** A submit mails the contact it names, any address: a submit-and-cancel loop must not become a mail cannon. */
  requestsPerDay?: number;
}

const DAY_MS = 86_400_000;

/** The account whose technical benefits a member may see and request (the rewards page's roles). */
export function requireRewardsAccount(member: Member): string {
  if (member.partnerAccountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  if (!canSeeRewards(member)) throw forbidden('error.FORBIDDEN.rewards');
  return member.partnerAccountId;
}

/** A title as it goes into an email's subject: one line, spaces collapsed. */
const oneLine = (text: string) => text.trim().replace(/\s+/g, ' ');

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const pick = (names: Record<string, string>, locale: Locale) => names[locale] ?? names['en-US'] ?? Object.values(names)[0] ?? '';

/** What one technical benefit holds: hours (a request reserves hoursPerRequest) or requests (one each). */
export function capacityOf(quantities: Record<string, string | number>): { unit: 'hours' | 'requests'; total: number; perRequest: number } {
  if ('requests' in quantities) return { unit: 'requests', total: Number(quantities.requests), perRequest: 1 };
  if ('hours' in quantities) return { unit: 'hours', total: Number(quantities.hours), perRequest: Number(quantities.hoursPerRequest ?? quantities.hours) };
  return { unit: 'requests', total: 1, perRequest: 1 };
}

async function reservations(db: Db, entitlementIds: readonly string[]) {
  if (entitlementIds.length === 0) return new Map<string, { reserved: number; used: number; open: number }>();
  const rows = await db
    .selectFrom('technical_requests')
    .select([
      'entitlement_id as id',
      sql<string>`coalesce(sum(reserved_quantity) filter (where status not in ('declined', 'cancelled')), 0)`.as('reserved'),
      sql<string>`coalesce(sum(reserved_quantity) filter (where status = 'completed'), 0)`.as('used'),
      sql<string>`count(*) filter (where status not in ('declined', 'cancelled', 'completed'))`.as('open'),
    ])
    .where('entitlement_id', 'in', [...entitlementIds])
    .groupBy('entitlement_id')
    .execute();
  return new Map(rows.map((row) => [row.id, { reserved: Number(row.reserved), used: Number(row.used), open: Number(row.open) }]));
}

/** The partner's technical benefits with what is left of each, and whether a request can draw on it now. */
export async function technicalBenefits(db: Db, partnerAccountId: string, locale: Locale, now: Date) {
  const entitlements = await entitlementsOfCategory(db, partnerAccountId, 'technical');
  const reserved = await reservations(db, entitlements.map((e) => e.id));
  return entitlements.map((e) => {
    const capacity = capacityOf(e.quantities);
    const use = reserved.get(e.id) ?? { reserved: 0, used: 0, open: 0 };
    const expired = e.expiresAt !== null && e.expiresAt <= now;
    const status = e.status === 'available' && expired ? ('expired' as const) : e.status;
    const remaining = Math.max(0, capacity.total - use.reserved);
    return {
      id: e.id,
      code: e.benefitCode,
      name: pick(e.names, locale),
      description: pick(e.descriptions, locale),
      phases: e.phases ?? [...TECHNICAL_PHASES],
      status,
      unit: capacity.unit,
      total: capacity.total,
      perRequest: capacity.perRequest,
      reserved: use.reserved - use.used,
      used: use.used,
      remaining,
      unlockedAt: e.unlockedAt.toISOString(),
      expiresAt: e.expiresAt?.toISOString() ?? null,
      abilities: { request: status === 'available' && remaining >= capacity.perRequest },
    };
  });
}

export async function listTechnicalBenefits(db: Db, member: Member, locale: Locale, now: Date) {
  return technicalBenefits(db, requireRewardsAccount(member), locale, now);
}

async function resolveContact(db: Db, accountId: string, given: ContactInput | undefined, fields: Record<string, FieldProblem>) {
  if (!given) {
    const contact = await getMarketingContactOf(db, accountId);
    if (!contact) {
      fields.contact = { code: 'FIELD_REQUIRED' };
      return null;
    }
    return contact;
  }
  const user = await findUserOfAccount(db, accountId, given.userId);
  if (!user) fields['contact.userId'] = { code: 'USER_NOT_IN_ACCOUNT' };
  const phone = normalizePhone(given.phone, given.phoneCountry);
  if (!phone) fields['contact.phone'] = { code: 'PHONE_INVALID' };
  if (!isLocale(given.preferredLanguage)) fields['contact.preferredLanguage'] = { code: 'LANGUAGE_UNSUPPORTED' };
  if (!user || !phone || !isLocale(given.preferredLanguage)) return null;
  return { userId: user.id, name: user.displayName, email: given.email.trim(), phone, language: given.preferredLanguage };
}

/** The marketing contact as a technical contact (the default), when one is assigned and still in the account. */
async function getMarketingContactOf(db: Db, accountId: string) {
  const contact = await marketingContactOfAccount(db, accountId);
  if (!contact || contact.needsReassignment || contact.userId === null) return null;
  return { userId: contact.userId, name: contact.displayName, email: contact.email, phone: contact.phone, language: contact.preferredLanguage };
}

const REQUEST_COLUMNS = [
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

const requests = (db: Db) => db.selectFrom('technical_requests as r').innerJoin('offers as o', 'o.id', 'r.offer_id').select(REQUEST_COLUMNS);
type RequestRow = NonNullable<Awaited<ReturnType<ReturnType<typeof requests>['executeTakeFirst']>>>;

function toSummary(row: RequestRow) {
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

async function detailOf(db: Db, row: RequestRow, locale: Locale) {
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
    benefitName: benefit ? pick(benefit.names, locale) : '',
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

async function findOwnRequest(db: Db, accountId: string, id: string, options: { lock?: boolean } = {}) {
  if (options.lock) {
    const locked = await db.selectFrom('technical_requests').select('id').where('id', '=', id).where('partner_account_id', '=', accountId).forUpdate().executeTakeFirst();
    if (!locked) return undefined;
  }
  return requests(db).where('r.id', '=', id).where('r.partner_account_id', '=', accountId).executeTakeFirst();
}

function linkOf(links: Links, id: string) {
  return `${links.portalUrl}/rewards/technical/requests/${id}`;
}

async function mailContact(db: Db, row: RequestRow, account: { name: string }, links: Links, kind: 'submitted' | 'status' | 'message', extra: { reason?: string | null } = {}) {
  const locale = row.contactLanguage;
  await enqueueEmail(db, {
    template: kind === 'submitted' ? 'technical-request-submitted' : kind === 'status' ? 'technical-request-status' : 'technical-request-message',
    recipient: row.contactEmail,
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

async function recordEvent(db: Db, requestId: string, from: TechnicalRequestStatus | null, to: TechnicalRequestStatus, ctx: RequestContext, reason: string | null) {
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

/**
 * Keeps a technical entitlement's status in step with what its requests hold: in progress when a new
 * request could no longer be served from it, available again when a reservation came back, completed
 * when nothing is left and every request it held is done.
 */
async function settleEntitlement(db: Db, entitlementId: string, now: Date) {
  const entitlement = await db
    .selectFrom('entitlements as e')
    .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
    .select(['e.id', 'e.status', 'b.quantities'])
    .where('e.id', '=', entitlementId)
    .executeTakeFirstOrThrow();
  const capacity = capacityOf(entitlement.quantities);
  const use = (await reservations(db, [entitlementId])).get(entitlementId) ?? { reserved: 0, used: 0, open: 0 };
  const full = capacity.total - use.reserved < capacity.perRequest;
  if (entitlement.status === 'available' && full) {
    await transitionEntitlements(db, [{ id: entitlementId, to: 'in-progress', reason: 'FULLY_RESERVED' }], now);
  } else if (entitlement.status === 'in-progress' && !full) {
    await transitionEntitlements(db, [{ id: entitlementId, to: 'available', reason: 'RESERVATION_RETURNED' }], now);
  } else if (entitlement.status === 'in-progress' && full && use.open === 0) {
    await transitionEntitlements(db, [{ id: entitlementId, to: 'completed', reason: 'FULFILLED' }], now);
  }
}

/**
 * Submits a request: checks every field at once (422 with each problem), picks the benefit it draws on
 * (the one given, else the one that ends first with enough left), reserves from it, and mails the
 * technical contact. The account's technical entitlements are locked first, so two submits at once
 * cannot both take the last hours.
 */
export async function submitTechnicalRequest(
  db: Db,
  member: Member,
  input: NewRequestInput,
  ctx: RequestContext,
  links: Links,
  beforeCommit?: BeforeCommit<RequestDetail>,
  locale: Locale = 'en-US',
): Promise<RequestDetail> {
  const accountId = requireRewardsAccount(member);
  const account = await findPartnerAccount(db, accountId);
  if (!account) throw new AppError('NO_PARTNER_ACCOUNT');
  const fields: Record<string, FieldProblem> = {};
  const offer = await findOfferOfMpnId(db, account.mpnId, input.offerId);
  if (!offer) fields.offerId = { code: 'OFFER_UNKNOWN', values: { offerId: input.offerId } };
  const timeZone = input.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) fields.timeZone = { code: 'TIME_ZONE_UNKNOWN' };
  const contact = await resolveContact(db, accountId, input.contact, fields);
  if (Object.keys(fields).length > 0) throw validationFailed(fields);

  return db.transaction().execute(async (trx) => {
    const entitlements = await entitlementsOfCategory(trx, accountId, 'technical', { lock: true });
    // Counted under the entitlements' lock, so submits at once cannot all slip under the limit.
    const limit = links.requestsPerDay ?? 20;
    const recent = await recentActions(trx, accountId, ['technical-request.submitted'], new Date(ctx.now.getTime() - DAY_MS));
    if (recent.count >= limit) {
      const seconds = Math.max(1, Math.ceil((recent.oldest!.getTime() + DAY_MS - ctx.now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', { messageId: 'error.RATE_LIMITED.technicalRequests', retryAfterSeconds: seconds, values: { limit, minutes: Math.ceil(seconds / 60) } });
    }
    const used = await reservations(trx, entitlements.map((e) => e.id));
    const covers = (e: (typeof entitlements)[number]) => e.phases === null || e.phases.includes(input.phase);
    const usable = entitlements
      .filter((e) => e.status === 'available' && !(e.expiresAt !== null && e.expiresAt <= ctx.now))
      .filter((e) => capacityOf(e.quantities).total - (used.get(e.id)?.reserved ?? 0) >= capacityOf(e.quantities).perRequest)
      // The one that ends first is used first; one without an end after every one that has.
      .sort((a, b) => (a.expiresAt?.getTime() ?? Infinity) - (b.expiresAt?.getTime() ?? Infinity) || a.unlockedAt.getTime() - b.unlockedAt.getTime());
    const given = input.benefitId === undefined ? undefined : entitlements.find((e) => e.id === input.benefitId);
    if (input.benefitId !== undefined && !given) throw validationFailed({ benefitId: { code: 'BENEFIT_UNKNOWN' } });
    if (given && !covers(given)) {
      const phases = given.phases!.map((phase) => t(locale, `technical.phase.${phase}`)).join(', ');
      throw validationFailed({ benefitId: { code: 'PHASE_NOT_COVERED', values: { phases } } });
    }
    // Only a benefit that covers the request's phase: a presales consultation is not spent on a deployment.
    const chosen = given ? usable.find((e) => e.id === given.id) : usable.find(covers);
    if (!chosen) {
      throw new AppError('BENEFIT_NOT_AVAILABLE', { messageId: usable.length > 0 && !given ? 'error.BENEFIT_NOT_AVAILABLE.phase' : 'error.BENEFIT_NOT_AVAILABLE.technical' });
    }
    const capacity = capacityOf(chosen.quantities);
    const inserted = await trx
      .insertInto('technical_requests')
      .values({
        partner_account_id: accountId,
        entitlement_id: chosen.id,
        reserved_quantity: String(capacity.perRequest),
        reserved_unit: capacity.unit,
        phase: input.phase,
        solution_type: input.solutionType,
        offer_id: input.offerId,
        title: oneLine(input.title),
        description: input.description.trim(),
        contact_user_id: contact!.userId,
        contact_name: contact!.name,
        contact_email: contact!.email,
        contact_phone: contact!.phone,
        contact_language: contact!.language,
        time_zone: timeZone,
        status: 'submitted',
        submitted_by: member.userId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, inserted.id, null, 'submitted', ctx, null);
    await settleEntitlement(trx, chosen.id, ctx.now);
    const row = (await findOwnRequest(trx, accountId, inserted.id))!;
    await mailContact(trx, row, account, links, 'submitted');
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'technical-request.submitted',
      partnerAccountId: accountId,
      subjectType: 'technical-request',
      subjectId: inserted.id,
      details: { benefitId: chosen.id, reserved: capacity.perRequest, unit: capacity.unit, phase: input.phase, solutionType: input.solutionType, offerId: input.offerId },
      requestId: ctx.requestId,
    });
    const detail = await detailOf(trx, row, locale);
    await beforeCommit?.(trx, detail);
    return detail;
  });
}

/** Newest first; the reference (one more for each request) orders those made in the same instant. */
const OWN_REQUESTS: Keyset = {
  list: 'technical-requests',
  keys: [
    { column: 'r.created_at', direction: 'desc', type: 'timestamptz' },
    { column: 'r.reference', direction: 'desc', type: 'integer' },
  ],
};

export async function listTechnicalRequests(db: Db, member: Member, page: PageRequest & { status?: TechnicalRequestStatus }) {
  const accountId = requireRewardsAccount(member);
  let query = requests(db).where('r.partner_account_id', '=', accountId);
  if (page.status) query = query.where('r.status', '=', page.status);
  const result = await readPage(OWN_REQUESTS, page, query);
  return { items: result.items.map(toSummary), nextCursor: result.nextCursor };
}

export async function getTechnicalRequest(db: Db, member: Member, id: string, locale: Locale): Promise<RequestDetail> {
  const row = await findOwnRequest(db, requireRewardsAccount(member), id);
  if (!row) throw notFound();
  return detailOf(db, row, locale);
}

function revisionConflict(row: RequestRow): AppError {
  return new AppError('REVISION_CONFLICT', { conflict: { type: 'technical-request', id: row.id, revision: row.revision } });
}

async function actorName(db: Db, accountId: string, ctx: RequestContext, operatorName?: string) {
  if (ctx.actor.type === 'user') return (await findUserOfAccount(db, accountId, ctx.actor.id))?.displayName ?? '';
  return operatorName ?? 'Rewards team';
}

async function addMessage(db: Db, row: RequestRow, body: string, ctx: RequestContext, authorName: string) {
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

/**
 * Edits a request while it is submitted, or answers a request for more information (which sends it
 * back to the team). `revision` must be the request's current one: a stale one is 409 with the current
 * revision, so two people editing never overwrite each other unseen.
 */
export async function changeTechnicalRequest(
  db: Db,
  member: Member,
  id: string,
  input: RequestChangeInput,
  ctx: RequestContext,
  links: Links,
  locale: Locale,
): Promise<RequestDetail> {
  const accountId = requireRewardsAccount(member);
  const account = (await findPartnerAccount(db, accountId))!;
  return db.transaction().execute(async (trx) => {
    const row = await findOwnRequest(trx, accountId, id, { lock: true });
    if (!row) throw notFound();
    if (row.revision !== input.revision) throw revisionConflict(row);
    if (row.status !== 'submitted' && row.status !== 'action-required') {
      throw new AppError('REQUEST_NOT_EDITABLE', { values: { status: t(locale, `technical.status.${row.status}`) } });
    }
    const fields: Record<string, FieldProblem> = {};
    if (input.answer !== undefined && row.status !== 'action-required') fields.answer = { code: 'VALUE_NOT_ALLOWED' };
    if (input.answer === undefined && row.status === 'action-required') fields.answer = { code: 'FIELD_REQUIRED' };
    if (input.offerId !== undefined && !(await findOfferOfMpnId(trx, account.mpnId, input.offerId))) fields.offerId = { code: 'OFFER_UNKNOWN', values: { offerId: input.offerId } };
    if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) fields.timeZone = { code: 'TIME_ZONE_UNKNOWN' };
    const contact = input.contact ? await resolveContact(trx, accountId, input.contact, fields) : null;
    const changes = {
      ...(input.phase !== undefined && input.phase !== row.phase ? { phase: input.phase } : {}),
      ...(input.solutionType !== undefined && input.solutionType !== row.solutionType ? { solution_type: input.solutionType } : {}),
      ...(input.offerId !== undefined && input.offerId !== row.offerId ? { offer_id: input.offerId } : {}),
      ...(input.title !== undefined && oneLine(input.title) !== row.title ? { title: oneLine(input.title) } : {}),
      ...(input.description !== undefined && input.description.trim() !== row.description ? { description: input.description.trim() } : {}),
      ...(input.timeZone !== undefined && input.timeZone !== row.timeZone ? { time_zone: input.timeZone } : {}),
      ...(contact
        ? { contact_user_id: contact.userId, contact_name: contact.name, contact_email: contact.email, contact_phone: contact.phone, contact_language: contact.language }
        : {}),
    };
    if (Object.keys(fields).length === 0 && Object.keys(changes).length === 0 && input.answer === undefined) fields.revision = { code: 'NOTHING_TO_CHANGE' };
    if (Object.keys(fields).length > 0) throw validationFailed(fields);

    const answering = input.answer !== undefined;
    const to: TechnicalRequestStatus = answering ? 'in-review' : row.status;
    await trx
      .updateTable('technical_requests')
      .set({ ...changes, status: to, revision: row.revision + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    if (answering) {
      await addMessage(trx, row, input.answer!, ctx, await actorName(trx, accountId, ctx));
      await recordEvent(trx, id, row.status, to, ctx, 'PARTNER_ANSWERED');
    }
    const updated = (await findOwnRequest(trx, accountId, id))!;
    if (answering) await mailContact(trx, updated, account, links, 'status');
    await recordAudit(trx, {
      actor: ctx.actor,
      action: answering ? 'technical-request.answered' : 'technical-request.changed',
      partnerAccountId: accountId,
      subjectType: 'technical-request',
      subjectId: id,
      details: { changed: Object.keys(changes), revision: row.revision + 1 },
      requestId: ctx.requestId,
    });
    return detailOf(trx, updated, locale);
  });
}

/**
 * Moves a request through the lifecycle (technical.policy.ts): the partner cancels, the team does the
 * rest. A move the table does not allow is 409 TRANSITION_REFUSED; a reservation is given back on a
 * decline or cancellation; the contact is mailed in their language.
 */
async function moveRequest(
  trx: Db,
  row: RequestRow,
  to: TechnicalRequestStatus,
  by: RequestMover,
  input: { reason?: string | undefined; scheduledAt?: string | undefined; revision?: number | undefined },
  ctx: RequestContext,
  links: Links,
  locale: Locale,
  operatorName?: string,
) {
  if (input.revision !== undefined && input.revision !== row.revision) throw revisionConflict(row);
  const transition = findTransition(row.status, to, by);
  if (!transition) {
    throw new AppError('TRANSITION_REFUSED', {
      messageId: 'error.TRANSITION_REFUSED.request',
      values: { from: t(locale, `technical.status.${row.status}`), to: t(locale, `technical.status.${to}`) },
    });
  }
  const needs = 'needs' in transition ? transition.needs : undefined;
  const reason = input.reason?.trim() || null;
  if (needs === 'reason' && !reason) throw validationFailed({ reason: { code: 'FIELD_REQUIRED' } });
  let scheduledAt = row.scheduledAt;
  if (needs === 'scheduledAt') {
    if (!input.scheduledAt) throw validationFailed({ scheduledAt: { code: 'FIELD_REQUIRED' } });
    scheduledAt = new Date(input.scheduledAt);
    if (scheduledAt <= ctx.now) throw validationFailed({ scheduledAt: { code: 'NOT_IN_FUTURE' } });
  }
  await trx
    .updateTable('technical_requests')
    .set({ status: to, scheduled_at: to === 'scheduled' ? scheduledAt : to === 'in-review' ? null : row.scheduledAt, revision: row.revision + 1, updated_at: ctx.now })
    .where('id', '=', row.id)
    .execute();
  await recordEvent(trx, row.id, row.status, to, ctx, reason);
  // What the team asks for is also a message in the conversation, so the partner reads it where they answer.
  if (to === 'action-required' && reason) await addMessage(trx, row, reason, ctx, operatorName ?? 'Rewards team');
  if (RETURNED_STATUSES.includes(to) || to === 'completed') await settleEntitlement(trx, row.benefitId, ctx.now);
  const updated = (await requests(trx).where('r.id', '=', row.id).executeTakeFirst())!;
  const account = (await findPartnerAccount(trx, row.partnerAccountId))!;
  await mailContact(trx, updated, account, links, 'status', { reason });
  await recordAudit(trx, {
    actor: ctx.actor,
    action: `technical-request.${to}`,
    partnerAccountId: row.partnerAccountId,
    subjectType: 'technical-request',
    subjectId: row.id,
    details: { from: row.status, to, reason, scheduledAt: updated.scheduledAt?.toISOString() ?? null },
    requestId: ctx.requestId,
  });
  return detailOf(trx, updated, locale);
}

/** The partner cancels (until the request is scheduled); cancelling a cancelled request answers it as it is. */
export async function cancelTechnicalRequest(
  db: Db,
  member: Member,
  id: string,
  input: { reason?: string | undefined; revision?: number | undefined },
  ctx: RequestContext,
  links: Links,
  locale: Locale,
): Promise<RequestDetail> {
  const accountId = requireRewardsAccount(member);
  return db.transaction().execute(async (trx) => {
    const row = await findOwnRequest(trx, accountId, id, { lock: true });
    if (!row) throw notFound();
    if (row.status === 'cancelled') return detailOf(trx, row, locale);
    return moveRequest(trx, row, 'cancelled', 'partner', input, ctx, links, locale);
  });
}

/** A message in the request's conversation, from the partner (or, through the ops API, the team). */
export async function postTechnicalRequestMessage(db: Db, member: Member, id: string, body: string, ctx: RequestContext, locale: Locale) {
  const accountId = requireRewardsAccount(member);
  return db.transaction().execute(async (trx) => {
    const row = await findOwnRequest(trx, accountId, id, { lock: true });
    if (!row) throw notFound();
    if (CLOSED_STATUSES.includes(row.status)) throw new AppError('REQUEST_CLOSED');
    await addMessage(trx, row, body, ctx, await actorName(trx, accountId, ctx));
    await recordAudit(trx, { actor: ctx.actor, action: 'technical-request.message', partnerAccountId: accountId, subjectType: 'technical-request', subjectId: id, requestId: ctx.requestId });
    return detailOf(trx, row, locale);
  });
}

export interface AttachmentInput {
  fileName: string;
  contentBase64: string;
}

async function storeAttachment(trx: Db, row: RequestRow, input: AttachmentInput, ctx: RequestContext) {
  if (CLOSED_STATUSES.includes(row.status)) throw new AppError('REQUEST_CLOSED');
  const bytes = decodeBase64(input.contentBase64);
  if (!bytes || bytes.length === 0) throw validationFailed({ contentBase64: { code: bytes ? 'FIELD_REQUIRED' : 'FORMAT_INVALID' } });
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw validationFailed({ contentBase64: { code: 'FILE_TOO_LARGE', values: { limit: ATTACHMENT_MAX_BYTES / 1024 / 1024 } } });
  const type = await sniffAttachment(bytes, input.fileName);
  if (!type) throw validationFailed({ contentBase64: { code: 'FILE_TYPE_NOT_ALLOWED' } });
  const count = await trx.selectFrom('technical_request_attachments').select((eb) => eb.fn.countAll<string>().as('n')).where('request_id', '=', row.id).executeTakeFirstOrThrow();
  if (Number(count.n) >= ATTACHMENTS_MAX) throw new AppError('TOO_MANY_ATTACHMENTS', { values: { limit: ATTACHMENTS_MAX } });
  const stored = await trx
    .insertInto('technical_request_attachments')
    .values({
      request_id: row.id,
      file_name: cleanFileName(input.fileName),
      media_type: type,
      size_bytes: bytes.length,
      sha256: sha256(bytes),
      content: bytes,
      uploaded_by_type: ctx.actor.type === 'operator' ? 'operator' : 'user',
      uploaded_by: ctx.actor.type === 'system' ? null : ctx.actor.id,
      created_at: ctx.now,
    })
    .returning(['id', 'file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes', 'uploaded_by_type as uploadedBy', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: ctx.actor,
    action: 'technical-request.attachment-added',
    partnerAccountId: row.partnerAccountId,
    subjectType: 'technical-request',
    subjectId: row.id,
    details: { attachmentId: stored.id, fileName: stored.fileName, mediaType: type, sizeBytes: bytes.length },
    requestId: ctx.requestId,
  });
  return { ...stored, createdAt: stored.createdAt.toISOString() };
}

/** Adds a file (checked by its content, limited in size and number) while the request is open. */
export async function addTechnicalRequestAttachment(db: Db, member: Member, id: string, input: AttachmentInput, ctx: RequestContext) {
  const accountId = requireRewardsAccount(member);
  return db.transaction().execute(async (trx) => {
    const row = await findOwnRequest(trx, accountId, id, { lock: true });
    if (!row) throw notFound();
    return storeAttachment(trx, row, input, ctx);
  });
}

async function readAttachment(db: Db, requestId: string, attachmentId: string) {
  return db
    .selectFrom('technical_request_attachments')
    .select(['file_name as fileName', 'media_type as mediaType', 'content'])
    .where('id', '=', attachmentId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function downloadTechnicalRequestAttachment(db: Db, member: Member, id: string, attachmentId: string) {
  const accountId = requireRewardsAccount(member);
  if (!(await findOwnRequest(db, accountId, id))) throw notFound();
  const file = await readAttachment(db, id, attachmentId);
  if (!file) throw notFound();
  return file;
}

// ---- The Rewards team's side (operator API; the console issue gives it pages) ----

const QUEUE: Keyset = {
  list: 'team-technical-requests',
  keys: [
    { column: 'r.created_at', direction: 'asc', type: 'timestamptz' },
    { column: 'r.reference', direction: 'asc', type: 'integer' },
  ],
};

export async function listTechnicalRequestsForTeam(db: Db, page: PageRequest & { status?: TechnicalRequestStatus | 'open' | 'all' }) {
  let query = requests(db)
    .innerJoin('partner_accounts as pa', 'pa.id', 'r.partner_account_id')
    .select(['pa.name as partnerName', 'pa.mpn_id as mpnId', 'r.contact_email as contactEmail']);
  const status = page.status ?? 'open';
  if (status === 'open') query = query.where('r.status', 'not in', [...CLOSED_STATUSES]);
  else if (status !== 'all') query = query.where('r.status', '=', status);
  const result = await readPage(QUEUE, page, query);
  return {
    items: result.items.map((row) => ({ ...toSummary(row), partnerName: row.partnerName, mpnId: row.mpnId, contactEmail: row.contactEmail, moves: operatorMoves(row.status) })),
    nextCursor: result.nextCursor,
  };
}

async function findAnyRequest(db: Db, id: string, options: { lock?: boolean } = {}) {
  if (options.lock) await db.selectFrom('technical_requests').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return requests(db).where('r.id', '=', id).executeTakeFirst();
}

export async function getTechnicalRequestForTeam(db: Db, id: string, locale: Locale) {
  const row = await findAnyRequest(db, id);
  if (!row) throw notFound();
  return { ...(await detailOf(db, row, locale)), moves: operatorMoves(row.status) };
}

export async function moveTechnicalRequestAsTeam(
  db: Db,
  id: string,
  input: { to: TechnicalRequestStatus; reason?: string | undefined; scheduledAt?: string | undefined; revision?: number | undefined },
  ctx: RequestContext,
  links: Links,
  locale: Locale,
  operatorName: string,
) {
  return db.transaction().execute(async (trx) => {
    const row = await findAnyRequest(trx, id, { lock: true });
    if (!row) throw notFound();
    const detail = await moveRequest(trx, row, input.to, 'operator', input, ctx, links, locale, operatorName);
    return { ...detail, moves: operatorMoves(detail.status) };
  });
}

export async function postTechnicalRequestMessageAsTeam(db: Db, id: string, body: string, ctx: RequestContext, links: Links, locale: Locale, operatorName: string) {
  return db.transaction().execute(async (trx) => {
    const row = await findAnyRequest(trx, id, { lock: true });
    if (!row) throw notFound();
    if (CLOSED_STATUSES.includes(row.status)) throw new AppError('REQUEST_CLOSED');
    await addMessage(trx, row, body, ctx, operatorName);
    const account = (await findPartnerAccount(trx, row.partnerAccountId))!;
    await mailContact(trx, row, account, links, 'message');
    await recordAudit(trx, { actor: ctx.actor, action: 'technical-request.message', partnerAccountId: row.partnerAccountId, subjectType: 'technical-request', subjectId: id, requestId: ctx.requestId });
    return { ...(await detailOf(trx, row, locale)), moves: operatorMoves(row.status) };
  });
}

export async function downloadTechnicalRequestAttachmentAsTeam(db: Db, id: string, attachmentId: string) {
  const file = await readAttachment(db, id, attachmentId);
  if (!file) throw notFound();
  return file;
}
