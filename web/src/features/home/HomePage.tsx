import { Card, CardHeader, MessageBar, MessageBarBody, MessageBarTitle, Text, Title2 } from '@fluentui/react-components';
import { FormattedMessage } from 'react-intl';
import { Link as RouterLink } from 'react-router';
import { useSignedIn } from '../../app/session.tsx';

/** The dashboard: who you are, your account, and where the program is (or why it is not shown). */
export function HomePage() {
  const me = useSignedIn();
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
      <Title2 as="h1">
        <FormattedMessage id="home.welcome" values={{ name: me.user.displayName }} />
      </Title2>
      {me.partnerAccount ? (
        <Card>
          <CardHeader
            header={<Text weight="semibold">{me.partnerAccount.name}</Text>}
            description={<FormattedMessage id="home.mpnId" values={{ mpnId: me.partnerAccount.mpnId }} />}
          />
        </Card>
      ) : null}
      {me.navigation.marketplaceRewards ? (
        <Text>
          <FormattedMessage id="home.rewardsAvailable" />{' '}
          <RouterLink to="/rewards">
            <FormattedMessage id="shell.nav.rewards" />
          </RouterLink>
        </Text>
      ) : (
        <MessageBar intent="info" data-testid="rewards-missing">
          <MessageBarBody>
            <MessageBarTitle>
              <FormattedMessage id="home.rewardsMissing.title" />
            </MessageBarTitle>
            <RouterLink to="/help/rewards-visibility">
              <FormattedMessage id="help.title" />
            </RouterLink>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
