import { t, type Locale, type MessageId } from '../../platform/i18n/i18n.ts';
import type { PartnerAccountRow } from '../accounts/accounts.service.ts';

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
  const steps = (ids: MessageId[]) => ids.map((id) => t(locale, id, values));
  return {
    visible: state.tenantAssociated && state.hasRewardsRole,
    checks: [
      {
        code: 'TENANT_ASSOCIATED' as const,
        ok: state.tenantAssociated,
        title: t(locale, 'help.visibility.tenant.title'),
        explanation: t(locale, state.tenantAssociated ? 'help.visibility.tenant.ok' : 'help.visibility.tenant.missing', values),
        steps: state.tenantAssociated ? [] : steps([
              'help.visibility.tenant.step1',
              'help.visibility.tenant.step2',
              'help.visibility.tenant.step3',
              'help.visibility.tenant.step4',
              'help.visibility.tenant.step5',
              'help.visibility.tenant.step6',
            ]),
      },
      {
        code: 'REWARDS_ROLE' as const,
        ok: state.hasRewardsRole,
        title: t(locale, 'help.visibility.role.title'),
        explanation: t(locale, state.hasRewardsRole ? 'help.visibility.role.ok' : 'help.visibility.role.missing', values),
        steps: state.hasRewardsRole ? [] : steps(['help.visibility.role.step1', 'help.visibility.role.step2']),
      },
    ],
  };
}
