import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { t, type Locale } from '../../platform/i18n/i18n.ts';
import type { SponsorshipStatus } from '../../platform/values.ts';
import { findPartnerAccount, usersOfAccount } from '../accounts/accounts.service.ts';
import { marketingContactOfAccount } from '../benefits/benefits.service.ts';
import { transitionEntitlements, type EntitlementReason } from '../eligibility/eligibility.service.ts';
import { enqueueEmail } from '../notifications/notifications.service.ts';
import { isAllowedSponsorshipChange, type SponsorshipReason } from './technical.policy.ts';
import { type Links } from './technical.context.ts';
import { localized } from './technical.context.ts';

/** A sponsorship's row as the services read it, its view, its moves (with the entitlement's) and its emails. */

/**
 * Who the sponsorship emails go to: the marketing contact, or the company account email while none is
 * assigned. `name` greets (null: a company mailbox nobody in particular reads, greeted without a name);
 * `displayName` is the To: header's (the company's name for its mailbox).
 */
export async function recipientOf(db: Db, accountId: string): Promise<{ email: string; locale: Locale; name: string | null; displayName: string } | null> {
  const contact = await marketingContactOfAccount(db, accountId);
  if (contact && !contact.needsReassignment) return { email: contact.email, locale: contact.preferredLanguage, name: contact.displayName, displayName: contact.displayName };
  const account = await findPartnerAccount(db, accountId);
  if (!account) return null;
  // The company address has no language of its own: that of its user, when it is one, else English.
  const owner = (await usersOfAccount(db, accountId)).find((user) => user.email.toLowerCase() === account.companyEmail.toLowerCase());
  return { email: account.companyEmail, locale: owner?.locale ?? 'en-US', name: owner?.displayName ?? null, displayName: owner?.displayName ?? account.name };
}

export const sponsorshipColumns = [
  's.id',
  's.partner_account_id as partnerAccountId',
  's.entitlement_id as benefitId',
  's.benefit_code as code',
  'b.names',
  's.amount_usd as amountUsd',
  's.remaining_usd as remainingUsd',
  's.term_months as termMonths',
  's.status',
  's.status_reason as statusReason',
  's.unlocked_at as unlockedAt',
  's.requested_at as requestedAt',
  's.subscription_id as subscriptionId',
  's.billing_type as billingType',
  's.active_from as activeFrom',
  's.expires_at as expiresAt',
  's.revision',
] as const;

export const sponsorships = (db: Db) =>
  db
    .selectFrom('sponsorships as s')
    .innerJoin('entitlements as e', 'e.id', 's.entitlement_id')
    .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
    .select(sponsorshipColumns);
export type SponsorshipRow = NonNullable<Awaited<ReturnType<ReturnType<typeof sponsorships>['executeTakeFirst']>>>;

/** The status as of `now`: a credit past its end shows as expired before the next round writes it down. */
export const statusAt = (row: { status: SponsorshipStatus; expiresAt: Date | null }, now: Date): SponsorshipStatus =>
  (row.status === 'active' || row.status === 'unlocked') && row.expiresAt !== null && row.expiresAt <= now ? 'expired' : row.status;

export function toView(row: SponsorshipRow, locale: Locale, now: Date) {
  const status = statusAt(row, now);
  return {
    id: row.id,
    benefitId: row.benefitId,
    code: row.code,
    name: localized(row.names, locale),
    amountUsd: row.amountUsd,
    remainingUsd: status === 'expired' || status === 'revoked' ? '0.00' : row.remainingUsd,
    termMonths: row.termMonths,
    status,
    statusReason: row.statusReason,
    unlockedAt: row.unlockedAt.toISOString(),
    requestedAt: row.requestedAt?.toISOString() ?? null,
    subscriptionId: row.subscriptionId,
    billingType: row.billingType,
    activeFrom: row.activeFrom?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revision: row.revision,
    abilities: { requestProvisioning: status === 'unlocked' },
  };
}
export type SponsorshipView = ReturnType<typeof toView>;

export async function changeSponsorship(
  trx: Db,
  row: { id: string; status: SponsorshipStatus; benefitId: string },
  to: SponsorshipStatus,
  reason: SponsorshipReason,
  now: Date,
  set: Record<string, unknown> = {},
) {
  if (!isAllowedSponsorshipChange(row.status, to, reason)) {
    throw new AppError('TRANSITION_REFUSED', { logMessage: `sponsorship ${row.id}: ${row.status} -> ${to} (${reason}) is not allowed` });
  }
  await trx
    .updateTable('sponsorships')
    .set({ ...set, status: to, status_reason: reason, updated_at: now, revision: sql`revision + 1` })
    .where('id', '=', row.id)
    .execute();
  // The entitlement follows, through its own state machine.
  const entitlement: Partial<Record<SponsorshipReason, { to: 'activated' | 'available' | 'in-progress' | 'completed' | 'revoked'; reason: EntitlementReason }>> = {
    PROVISIONING_REQUESTED: { to: 'activated', reason: 'PROVISIONING_REQUESTED' },
    PROVISIONING_DECLINED: { to: 'available', reason: 'PROVISIONING_DECLINED' },
    SPONSORSHIP_STARTED: { to: 'in-progress', reason: 'SPONSORSHIP_STARTED' },
    CREDIT_EXHAUSTED: { to: 'completed', reason: 'CREDIT_EXHAUSTED' },
    TERM_ENDED: { to: 'completed', reason: 'TERM_ENDED' },
    SPONSORSHIP_MISUSE: { to: 'revoked', reason: 'SPONSORSHIP_MISUSE' },
  };
  const follow = entitlement[reason];
  if (follow) await transitionEntitlements(trx, [{ id: row.benefitId, to: follow.to, reason: follow.reason }], now);
}

export async function mail(trx: Db, accountId: string, template: 'sponsorship-unlocked' | 'sponsorship-status' | 'sponsorship-low' | 'sponsorship-expiring', row: SponsorshipRow, links: Links, extra: Record<string, string | number | Date> = {}) {
  const recipient = await recipientOf(trx, accountId);
  const account = await findPartnerAccount(trx, accountId);
  if (!recipient || !account) return;
  const locale = recipient.locale;
  await enqueueEmail(trx, {
    template,
    recipient: recipient.email,
    recipientName: recipient.displayName,
    locale,
    values: {
      name: recipient.name ?? '',
      account: account.name,
      sponsorship: localized(row.names, locale),
      amount: Number(row.amountUsd),
      remaining: Number(row.remainingUsd),
      termMonths: row.termMonths,
      expires: row.expiresAt ?? new Date(0),
      hasExpiry: row.expiresAt ? 'yes' : 'no',
      status: t(locale, `sponsorship.status.${row.status}`),
      isActive: row.status === 'active' ? 'yes' : 'no',
      reason: '',
      link: `${links.portalUrl}/rewards/sponsorships`,
      ...extra,
    },
  });
}
