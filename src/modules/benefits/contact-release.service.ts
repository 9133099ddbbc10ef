import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';

/**
 * Accounts calls this inside the transaction that removes a tenant's association, before that
 * tenant's users leave the account: a marketing contact who is one of them (`leaving` answers, from
 * accounts' tables) loses their user, so the contact waits for reassignment and does not come back,
 * unasked, should the tenant be associated again. Audited as marketing-contact.released; false when
 * the contact was someone else (or there is none).
 */
export async function releaseMarketingContact(
  trx: Db,
  accountId: string,
  leaving: (userId: string) => Promise<boolean>,
  ctx: RequestContext,
  details: Record<string, unknown>,
): Promise<boolean> {
  const contact = await trx
    .selectFrom('marketing_contacts')
    .select(['user_id'])
    .where('partner_account_id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
  if (!contact?.user_id || !(await leaving(contact.user_id))) return false;
  await trx.updateTable('marketing_contacts').set({ user_id: null, updated_at: ctx.now }).where('partner_account_id', '=', accountId).execute();
  await recordAudit(trx, {
    actor: ctx.actor,
    action: 'marketing-contact.released',
    partnerAccountId: accountId,
    subjectType: 'user',
    subjectId: contact.user_id,
    details,
    requestId: ctx.requestId,
  });
  return true;
}
