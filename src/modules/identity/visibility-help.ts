import { t, type Locale } from '../../platform/i18n/i18n.ts';
import type { PartnerAccountRow } from '../accounts/accounts.repository.ts';

/**
 * "Why can't I see the Marketplace Rewards program?": the two conditions, which
 * one fails for this user, and the seed's steps to fix it, in the user's language.
 */
export function visibilityHelp(
  locale: Locale,
  state: {
    tenantAssociated: boolean;
    hasRewardsRole: boolean;
    tenantDomain: string;
    partnerAccount: PartnerAccountRow | null;
  },
) {
  const values = { domain: state.tenantDomain, account: state.partnerAccount?.name ?? '' };
  const steps = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => t(locale, `${prefix}.step${i + 1}`, values));
  return {
    visible: state.tenantAssociated && state.hasRewardsRole,
    checks: [
      {
        code: 'TENANT_ASSOCIATED' as const,
        ok: state.tenantAssociated,
        title: t(locale, 'help.visibility.tenant.title'),
        explanation: t(locale, state.tenantAssociated ? 'help.visibility.tenant.ok' : 'help.visibility.tenant.missing', values),
        steps: state.tenantAssociated ? [] : steps('help.visibility.tenant', 6),
      },
      {
        code: 'REWARDS_ROLE' as const,
        ok: state.hasRewardsRole,
        title: t(locale, 'help.visibility.role.title'),
        explanation: t(locale, state.hasRewardsRole ? 'help.visibility.role.ok' : 'help.visibility.role.missing', values),
        steps: state.hasRewardsRole ? [] : steps('help.visibility.role', 2),
      },
    ],
  };
}
