import { Spinner, Text, Title2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { RovingTab, RovingTabList } from '../../app/RovingTabList.tsx';

/**
 * Settings > Account settings, with its sections as tabs (Users, Tenants), and
 * what every section shows while it loads or when the API refuses it.
 */
export function SettingsFrame({ children, error, loading }: { children: ReactNode; error: unknown; loading: boolean }) {
  const intl = useIntl();
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 1100 }}>
      <Title2 as="h1">
        <FormattedMessage id="settings.title" />
      </Title2>
      <RovingTabList selectedValue={location.pathname} onTabSelect={(_, data) => void navigate(String(data.value))}>
        <RovingTab value="/settings/users">
          <FormattedMessage id="settings.users" />
        </RovingTab>
        <RovingTab value="/settings/tenants">
          <FormattedMessage id="settings.tenants" />
        </RovingTab>
      </RovingTabList>
      <ErrorMessage error={error} />
      {error instanceof ApiError && error.status === 403 && (
        <Text as="p">
          <FormattedMessage id="users.forbiddenHint" />
        </Text>
      )}
      {loading && !error && <Spinner label={intl.formatMessage({ id: 'web.loading' })} />}
      {children}
    </section>
  );
}
