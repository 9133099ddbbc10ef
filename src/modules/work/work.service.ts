import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PageRequest } from '../../platform/db/pages.ts';
import { AppError, notFound, refuseFieldProblems, type FieldProblem } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { ContactChannel, OperatorRole, WorkKind } from '../../platform/values.ts';
import { recordContactedIn } from '../benefits/follow-up.service.ts';
import { activeOperator, roleAtLeast } from '../operators/operators.service.ts';
import { findOpenWork, listWork, type WorkFilters } from './work-queue.ts';

/**
 * The console's work (issue #14): the queue of what the Rewards team owes partners, who works on each
 * item, and the contacts made. The items stay their owners' (benefits, technical): moving one through
 * its states is the owner's operation; here are only the assignment and the contact log, and for an
 * activation the first contact, which benefits records in the same transaction.
 */

/** Who is working in the console: an operator, or an operator API token (automation, with no person behind it). */
export type WorkCaller = { via: 'session'; operatorId: string; name: string; role: OperatorRole } | { via: 'token'; name: string; role: OperatorRole };

export interface QueueQuery extends WorkFilters, PageRequest {}

/** The queue; `assignee: 'me'` is the caller's own work. */
export function listQueue(db: Db, caller: WorkCaller, query: QueueQuery, now: Date, locale: Locale) {
  const { limit, cursor, assignee, ...filters } = query;
  const own = assignee === 'me' ? (caller.via === 'session' ? caller.operatorId : 'none') : assignee;
  return listWork(db, { ...filters, assignee: own }, { limit, cursor }, now, locale);
}

/**
 * Gives an open item to an operator: to oneself (any role that works queues), or to someone else (a
 * manager's decision). A new assignment replaces the one before.
 */
export async function assignWork(db: Db, caller: WorkCaller, kind: WorkKind, itemId: string, assigneeId: string | undefined, ctx: RequestContext) {
  const target = assigneeId ?? (caller.via === 'session' ? caller.operatorId : undefined);
  if (!target) refuseFieldProblems({ assigneeId: { code: 'FIELD_REQUIRED' } });
  const self = caller.via === 'session' && caller.operatorId === target;
  if (!self && !roleAtLeast(caller.role, 'rewards-manager')) throw new AppError('FORBIDDEN', { messageId: 'error.FORBIDDEN.assignOthers' });
  return db.transaction().execute(async (trx) => {
    const item = await findOpenWork(trx, kind, itemId, ctx.now);
    if (!item) throw notFound();
    const assignee = await activeOperator(trx, target!);
    if (!assignee) refuseFieldProblems({ assigneeId: { code: 'ASSIGNEE_UNKNOWN' } });
    await trx
      .insertInto('work_assignments')
      .values({ kind, item_id: itemId, assignee_id: target!, assigned_by: caller.via === 'session' ? caller.operatorId : null, assigned_at: ctx.now })
      .onConflict((oc) => oc.columns(['kind', 'item_id']).doUpdateSet((eb) => ({ assignee_id: eb.ref('excluded.assignee_id'), assigned_by: eb.ref('excluded.assigned_by'), assigned_at: eb.ref('excluded.assigned_at') })))
      .execute();
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'work.assigned',
      partnerAccountId: item.partnerAccountId,
      subjectType: kind,
      subjectId: itemId,
      details: { assigneeId: target!, assignee: assignee!.displayName },
      requestId: ctx.requestId,
    });
    return { kind, id: itemId, assignee: { id: target!, name: assignee!.displayName }, assignedAt: ctx.now.toISOString() };
  });
}

/** Takes an item back into the unassigned queue: its assignee, or a manager. */
export async function unassignWork(db: Db, caller: WorkCaller, kind: WorkKind, itemId: string, ctx: RequestContext) {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('work_assignments').select(['assignee_id as assigneeId']).where('kind', '=', kind).where('item_id', '=', itemId).forUpdate().executeTakeFirst();
    const item = await findOpenWork(trx, kind, itemId, ctx.now);
    if (!item) throw notFound();
    if (!current) {
      // Hers as the partner's engagement manager: there is nothing to take back, and saying done would be false.
      if (item.engagementManager) throw new AppError('ASSIGNED_BY_DEFAULT', { values: { name: item.engagementManager } });
      return;
    }
    const own = caller.via === 'session' && caller.operatorId === current.assigneeId;
    if (!own && !roleAtLeast(caller.role, 'rewards-manager')) throw new AppError('FORBIDDEN', { messageId: 'error.FORBIDDEN.assignOthers' });
    await trx.deleteFrom('work_assignments').where('kind', '=', kind).where('item_id', '=', itemId).execute();
    await recordAudit(trx, { actor: ctx.actor, action: 'work.unassigned', partnerAccountId: item.partnerAccountId, subjectType: kind, subjectId: itemId, details: { assigneeId: current.assigneeId }, requestId: ctx.requestId });
  });
}

export interface ContactInput {
  channel: ContactChannel;
  note: string;
  /** When the contact happened (default: now); never later than now, nor before the work was opened. */
  contactedAt?: string | undefined;
}

/** A clock a minute fast on the operator's machine is not "the future". */
const CLOCK_SKEW_MS = 60_000;

/**
 * Records a contact with the partner about an open item. For an activation this is the contact the
 * program promises within a week: the activation is contacted and the benefit is in progress.
 */
export async function recordWorkContact(db: Db, caller: WorkCaller, kind: WorkKind, itemId: string, input: ContactInput, ctx: RequestContext) {
  const contactedAt = input.contactedAt ? new Date(input.contactedAt) : ctx.now;
  return db.transaction().execute(async (trx) => {
    const item = await findOpenWork(trx, kind, itemId, ctx.now);
    if (!item) throw notFound();
    const problems: Record<string, FieldProblem> = {};
    if (contactedAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) problems.contactedAt = { code: 'CONTACT_IN_FUTURE' };
    else if (contactedAt.getTime() < item.openedAt.getTime()) problems.contactedAt = { code: 'CONTACT_BEFORE_OPENED', values: { earliest: item.openedAt.toISOString() } };
    refuseFieldProblems(problems);
    const note = input.note.trim();
    const row = await trx
      .insertInto('work_contacts')
      .values({
        kind,
        item_id: itemId,
        partner_account_id: item.partnerAccountId,
        channel: input.channel,
        note,
        contacted_at: contactedAt,
        recorded_at: ctx.now,
        operator_id: caller.via === 'session' ? caller.operatorId : null,
        recorded_by_name: caller.name,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    if (kind === 'activation') await recordContactedIn(trx, itemId, { note, contactedAt }, ctx);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'work.contact-recorded',
      partnerAccountId: item.partnerAccountId,
      subjectType: kind,
      subjectId: itemId,
      details: { channel: input.channel, contactedAt: contactedAt.toISOString(), note },
      requestId: ctx.requestId,
    });
    return { id: row.id, kind, itemId, channel: input.channel, note, contactedAt: contactedAt.toISOString(), recordedBy: caller.name };
  });
}

/** The contacts recorded for an item (open or not), newest first. */
export async function listWorkContacts(db: Db, kind: WorkKind, itemId: string) {
  const rows = await db
    .selectFrom('work_contacts')
    .select(['id', 'channel', 'note', 'contacted_at as contactedAt', 'recorded_by_name as recordedBy'])
    .where('kind', '=', kind)
    .where('item_id', '=', itemId)
    .orderBy('contacted_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map((row) => ({ ...row, kind, itemId, contactedAt: row.contactedAt.toISOString() }));
}
