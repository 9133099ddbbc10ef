import type { Member } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { canSeeRewards } from '../accounts/accounts.policy.ts';

/** What every technical service is handed and checks first: where emails link to, and whose benefits the caller may use. */

/** Where the emails link to (the portal's public origin), and how many requests an account may submit a day. */
export interface Links {
  portalUrl: string;
  /** A submit mails the contact it names, any address: a submit-and-cancel loop must not become a mail cannon. */
  requestsPerDay?: number;
}

export const DAY_MS = 86_400_000;

/** The account whose technical benefits a member may see and request (the rewards page's roles). */
export function requireRewardsAccount(member: Member): string {
  if (member.partnerAccountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  if (!canSeeRewards(member)) throw forbidden('error.FORBIDDEN.rewards');
  return member.partnerAccountId;
}

export { localized } from '../../platform/i18n/i18n.ts';
