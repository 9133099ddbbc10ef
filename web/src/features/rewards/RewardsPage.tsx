import { Card, CardHeader, Text, Title2 } from '@fluentui/react-components';
import { FormattedMessage } from 'react-intl';
import { Navigate } from 'react-router';
import { useSignedIn } from '../../app/session.tsx';

/**
 * Marketplace Rewards. Eligibility and benefits fill this page as they land;
 * until then it shows the account and claims nothing else.
 */
export function RewardsPage() {
  const me = useSignedIn();
  if (!me.navigation.marketplaceRewards || !me.partnerAccount) return <Navigate to="/help/rewards-visibility" replace />;
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
      <Title2 as="h1">
        <FormattedMessage id="rewards.title" />
      </Title2>
      <Card>
        <CardHeader
          header={<Text weight="semibold">{me.partnerAccount.name}</Text>}
          description={<FormattedMessage id="home.mpnId" values={{ mpnId: me.partnerAccount.mpnId }} />}
        />
        <Text as="p">
          <FormattedMessage id="rewards.notYetCalculated" />
        </Text>
      </Card>
    </section>
  );
}
