import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, refuseFieldProblems } from '../../platform/errors.ts';
import { findPartnerAccountByMpnId } from '../accounts/accounts.service.ts';
import { activeOperator } from '../operators/operators.service.ts';

/**
 * A partner's engagement manager (issue #14): the member of the Rewards team a manager names for it,
 * typically once it holds the program's engagement-manager benefit. Its open work without an
 * assignment of its own is hers (work-queue.ts defaultAssignee). Named and cleared by a manager, audited.
 */
/** `namedBy`: the operator of the console session (null: a token). */
export async function nameEngagementManager(db: Db, mpnId: string, operatorId: string, namedBy: string | null, ctx: RequestContext) {
  const account = await findPartnerAccountByMpnId(db, mpnId);
  if (!account) throw notFound();
  return db.transaction().execute(async (trx) => {
    const operator = await activeOperator(trx, operatorId);
    if (!operator) refuseFieldProblems({ operatorId: { code: 'ASSIGNEE_UNKNOWN' } });
    const named = await trx.selectFrom('work_engagement_managers').select(['operator_id', 'assigned_at']).where('partner_account_id', '=', account.id).forUpdate().executeTakeFirst();
    // Named already: nothing changes (her items keep when they became hers).
    if (named?.operator_id === operatorId) return { operator: { id: operatorId, name: operator!.displayName }, namedAt: named.assigned_at.toISOString() };
    await trx
      .insertInto('work_engagement_managers')
      .values({ partner_account_id: account.id, operator_id: operatorId, assigned_by: namedBy, assigned_at: ctx.now })
      .onConflict((oc) => oc.column('partner_account_id').doUpdateSet((eb) => ({ operator_id: eb.ref('excluded.operator_id'), assigned_by: eb.ref('excluded.assigned_by'), assigned_at: eb.ref('excluded.assigned_at') })))
      .execute();
    await recordAudit(trx, { actor: ctx.actor, action: 'work.engagement-manager-named', partnerAccountId: account.id, subjectType: 'partner-account', subjectId: account.id, details: { operatorId, operator: operator!.displayName }, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) });
    return { operator: { id: operatorId, name: operator!.displayName }, namedAt: ctx.now.toISOString() };
  });
}

export async function clearEngagementManager(db: Db, mpnId: string, ctx: RequestContext): Promise<void> {
  const account = await findPartnerAccountByMpnId(db, mpnId);
  if (!account) throw notFound();
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('work_engagement_managers').where('partner_account_id', '=', account.id).returning('operator_id').executeTakeFirst();
    if (removed) await recordAudit(trx, { actor: ctx.actor, action: 'work.engagement-manager-cleared', partnerAccountId: account.id, subjectType: 'partner-account', subjectId: account.id, details: { operatorId: removed.operator_id }, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) });
  });
}

