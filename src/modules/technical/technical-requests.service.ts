import { recentActions, recordAudit } from '../../platform/audit/audit.ts';
import type { Member, RequestContext } from '../../platform/context.ts';
import type { BeforeCommit, Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import { AppError, fieldOf, notFound, passedSchema, refuseFieldProblems, validationFailed, type FieldProblem, type SchemaProblems } from '../../platform/errors.ts';
import { benefitProblem, coversPhase, isTimeZone, resolveContact, type ContactInput, type TechnicalEntitlement } from './request-input.ts';
import { t, type Locale } from '../../platform/i18n/i18n.ts';
import { type SolutionType, type TechnicalPhase, type TechnicalRequestStatus } from '../../platform/values.ts';
import { findPartnerAccount, findUserOfAccount } from '../accounts/accounts.service.ts';
import { findOfferOfMpnId } from '../catalog/catalog.service.ts';
import { entitlementsOfCategory } from '../eligibility/eligibility.service.ts';
import { CLOSED_STATUSES, findTransition, RETURNED_STATUSES, type RequestMover } from './technical.policy.ts';
import { DAY_MS, requireRewardsAccount, type Links } from './technical.context.ts';

import { requests, toSummary, detailOf, findOwnRequest, mailContact, recordEvent, revisionConflict, addMessage, type RequestRow, type RequestDetail } from './request-store.ts';
import { capacityOf, reservations, settleEntitlement } from './reservations.ts';

export type { Links } from './technical.context.ts';
export type { RequestDetail } from './request-store.ts';
export type { ContactInput } from './request-input.ts';

/**
 * Technical assistance requests (the seed's "Technical benefits"): a partner asks for help in a phase
 * of a cloud or hybrid solution; the request reserves from one of the partner's technical benefits
 * (hours or requests, per the program definition) and gives it back when it is declined or cancelled.
 * Every change is one transaction with its history row, its audit entry and its email.
 */

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

/** A title as it goes into an email's subject: one line, spaces collapsed. */
const oneLine = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * Submits a request: checks every field at once (422 with each problem: the schema's, `schema`, and
 * these rules', each judged only when the schema passed its field), picks the benefit it draws on
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
  schema?: SchemaProblems,
): Promise<RequestDetail> {
  const accountId = requireRewardsAccount(member);
  const account = await findPartnerAccount(db, accountId);
  if (!account) throw new AppError('NO_PARTNER_ACCOUNT');
  // A body that is not an object at all has no field to judge.
  if (schema?._) refuseFieldProblems(schema);
  const valid = (field: keyof NewRequestInput) => passedSchema(schema, field);
  const fields: Record<string, FieldProblem> = { ...schema };
  if (valid('offerId') && !(await findOfferOfMpnId(db, account.mpnId, input.offerId))) fields.offerId = { code: 'OFFER_UNKNOWN', values: { offerId: input.offerId } };
  const timeZone = (valid('timeZone') ? input.timeZone : undefined) ?? 'UTC';
  if (!isTimeZone(timeZone)) fields.timeZone = { code: 'TIME_ZONE_UNKNOWN' };
  const contact = await resolveContact(db, accountId, input.contact, fields, schema);
  if (valid('benefitId') && input.benefitId !== undefined) {
    const benefit = (await entitlementsOfCategory(db, accountId, 'technical')).find((e) => e.id === input.benefitId);
    Object.assign(fields, fieldOf('benefitId', benefitProblem(benefit, valid('phase') ? input.phase : null, locale)));
  }
  refuseFieldProblems(fields);

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
    const covers = (e: TechnicalEntitlement) => coversPhase(e, input.phase);
    const usable = entitlements
      .filter((e) => e.status === 'available' && !(e.expiresAt !== null && e.expiresAt <= ctx.now))
      .filter((e) => capacityOf(e.quantities).total - (used.get(e.id)?.reserved ?? 0) >= capacityOf(e.quantities).perRequest)
      // The one that ends first is used first; one without an end after every one that has.
      .sort((a, b) => (a.expiresAt?.getTime() ?? Infinity) - (b.expiresAt?.getTime() ?? Infinity) || a.unlockedAt.getTime() - b.unlockedAt.getTime());
    // Checked with the other fields above; again here under the lock, which is what the reservation relies on.
    const given = input.benefitId === undefined ? undefined : entitlements.find((e) => e.id === input.benefitId);
    if (input.benefitId !== undefined) refuseFieldProblems(fieldOf('benefitId', benefitProblem(given, input.phase, locale)));
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

async function actorName(db: Db, accountId: string, ctx: RequestContext, operatorName?: string) {
  if (ctx.actor.type === 'user') return (await findUserOfAccount(db, accountId, ctx.actor.id))?.displayName ?? '';
  return operatorName ?? 'Rewards team';
}

/**
 * Edits a request while it is submitted, or answers a request for more information (which sends it
 * back to the team). `revision` must be the request's current one: a stale one is 409 with the current
 * revision, so two people editing never overwrite each other unseen. After those (404, 409, not
 * editable), every field problem comes in one 422: the schema's (`schema`) and these rules', each
 * judged only when the schema passed its field (a revision the schema refused is not compared).
 */
export async function changeTechnicalRequest(
  db: Db,
  member: Member,
  id: string,
  input: RequestChangeInput,
  ctx: RequestContext,
  links: Links,
  locale: Locale,
  schema?: SchemaProblems,
): Promise<RequestDetail> {
  const accountId = requireRewardsAccount(member);
  const account = (await findPartnerAccount(db, accountId))!;
  const valid = (field: keyof RequestChangeInput) => passedSchema(schema, field);
  return db.transaction().execute(async (trx) => {
    const row = await findOwnRequest(trx, accountId, id, { lock: true });
    if (!row) throw notFound();
    if (valid('revision') && row.revision !== input.revision) throw revisionConflict(row);
    if (row.status !== 'submitted' && row.status !== 'action-required') {
      throw new AppError('REQUEST_NOT_EDITABLE', { values: { status: t(locale, `technical.status.${row.status}`) } });
    }
    // A body that is not an object at all has no field to judge.
    if (schema?._) refuseFieldProblems(schema);
    const fields: Record<string, FieldProblem> = { ...schema };
    if (valid('answer') && input.answer !== undefined && row.status !== 'action-required') fields.answer = { code: 'VALUE_NOT_ALLOWED' };
    if (valid('answer') && input.answer === undefined && row.status === 'action-required') fields.answer = { code: 'FIELD_REQUIRED' };
    if (valid('offerId') && input.offerId !== undefined && !(await findOfferOfMpnId(trx, account.mpnId, input.offerId))) {
      fields.offerId = { code: 'OFFER_UNKNOWN', values: { offerId: input.offerId } };
    }
    if (valid('timeZone') && input.timeZone !== undefined && !isTimeZone(input.timeZone)) fields.timeZone = { code: 'TIME_ZONE_UNKNOWN' };
    const contact = input.contact === undefined ? null : await resolveContact(trx, accountId, input.contact, fields, schema);
    // The changes are read only once every field passed (before, a field's type is not known).
    refuseFieldProblems(fields);
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
    if (Object.keys(changes).length === 0 && input.answer === undefined) throw validationFailed({ revision: { code: 'NOTHING_TO_CHANGE' } });

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
export async function moveRequest(
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
