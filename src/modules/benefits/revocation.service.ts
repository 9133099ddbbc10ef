import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { localized, t, type Locale } from '../../platform/i18n/i18n.ts';
import type { RevocationReason } from '../../platform/values.ts';
import { findPartnerAccountByMpnId, findUser } from '../accounts/accounts.service.ts';
import { findEntitlement, transitionEntitlements } from '../eligibility/eligibility.service.ts';
import { enqueueEmail } from '../notifications/notifications.service.ts';
import type { PortalLinks } from './benefits.service.ts';

const REVOCABLE = new Set(['available', 'activated', 'in-progress']);

/**
 * A Rewards manager withdraws a partner's benefit (issue #14): through the entitlement state machine, with
 * a reason code and an optional note, audited, and the partner told by email in their language (the
 * marketing contact's; the company account email in English when there is none).
 */
export async function revokeEntitlement(
  db: Db,
  mpnId: string,
  entitlementId: string,
  input: { reason: RevocationReason; note?: string | undefined },
  ctx: RequestContext,
  links: PortalLinks,
) {
  const account = await findPartnerAccountByMpnId(db, mpnId);
  if (!account) throw notFound();
  return db.transaction().execute(async (trx) => {
    const entitlement = await findEntitlement(trx, account.id, entitlementId, { lock: true });
    if (!entitlement) throw notFound();
    if (!REVOCABLE.has(entitlement.status)) throw new AppError('TRANSITION_REFUSED', { logMessage: `entitlement ${entitlementId} is ${entitlement.status}` });
    await transitionEntitlements(trx, [{ id: entitlementId, to: 'revoked', reason: input.reason }], ctx.now);
    const note = input.note?.trim() ?? '';
    await recordAudit(trx, { actor: ctx.actor, action: 'entitlement.revoked', partnerAccountId: account.id, subjectType: 'entitlement', subjectId: entitlementId, details: { reason: input.reason, note, benefit: entitlement.benefitCode }, requestId: ctx.requestId });
    const row = await trx.selectFrom('marketing_contacts').select(['email', 'preferred_language as locale', 'user_id as userId']).where('partner_account_id', '=', account.id).executeTakeFirst();
    const user = row?.userId ? await findUser(trx, row.userId) : undefined;
    const contact = row ? { ...row, name: user?.displayName ?? null } : undefined;
    const locale: Locale = contact?.locale ?? 'en-US';
    await enqueueEmail(trx, {
      template: 'benefit-revoked',
      recipient: contact?.email ?? account.companyEmail,
      recipientName: contact?.name ?? account.name,
      locale,
      values: {
        name: contact?.name ?? '',
        account: account.name,
        mpnId,
        benefit: localized(entitlement.names, locale),
        reason: t(locale, `email.revocation-reason.${input.reason}`),
        note,
        link: `${links.portalUrl}/rewards`,
      },
    });
    return { id: entitlementId, status: 'revoked' as const, reason: input.reason };
  });
}
