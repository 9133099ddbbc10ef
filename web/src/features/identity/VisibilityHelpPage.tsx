import { Card, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, Title2, tokens } from '@fluentui/react-components';
import { CheckmarkCircle24Filled, DismissCircle24Filled } from '@fluentui/react-icons';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiQuery } from '../../api/queries.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';

/** "Why can't I see the Marketplace Rewards program?": which condition fails for you, and the fix. */
export function VisibilityHelpPage() {
  const intl = useIntl();
  const { data: help, error } = useApiQuery('/api/v1/help/rewards-visibility');

  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
      <Title2 as="h1">
        <FormattedMessage id="help.title" />
      </Title2>
      <ErrorMessage error={error} />
      {!help && !error && <Spinner label={intl.formatMessage({ id: 'web.loading' })} />}
      {help && (
        <MessageBar intent={help.visible ? 'success' : 'warning'} data-testid="visibility-summary">
          <MessageBarBody>
            <FormattedMessage id={help.visible ? 'help.summary.visible' : 'help.summary.hidden'} />
          </MessageBarBody>
        </MessageBar>
      )}
      {help?.checks.map((check) => (
        <Card key={check.code} data-testid={`check-${check.code}`} data-ok={check.ok}>
          <Subtitle2 as="h2" style={{ display: 'flex', gap: 8, alignItems: 'center', margin: 0 }}>
            {check.ok ? (
              <CheckmarkCircle24Filled primaryFill={tokens.colorPaletteGreenForeground1} aria-hidden />
            ) : (
              <DismissCircle24Filled primaryFill={tokens.colorPaletteRedForeground1} aria-hidden />
            )}
            <span>{check.title}</span>
            <Text size={200}>
              (<FormattedMessage id={check.ok ? 'help.check.ok' : 'help.check.missing'} />)
            </Text>
          </Subtitle2>
          <Text as="p" style={{ margin: 0 }}>
            {check.explanation}
          </Text>
          {check.steps.length > 0 && (
            <ol style={{ margin: 0 }}>
              {check.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          )}
        </Card>
      ))}
    </section>
  );
}
