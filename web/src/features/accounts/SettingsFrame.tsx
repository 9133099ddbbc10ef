import { Tab, TabList, Title2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useLocation, useNavigate } from 'react-router';

/** Settings > Account settings, with its sections as tabs (Users, Tenants). */
export function SettingsFrame({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 1100 }}>
      <Title2 as="h1">
        <FormattedMessage id="settings.title" />
      </Title2>
      <TabList selectedValue={location.pathname} onTabSelect={(_, data) => void navigate(String(data.value))}>
        <Tab value="/settings/users">
          <FormattedMessage id="settings.users" />
        </Tab>
        <Tab value="/settings/tenants">
          <FormattedMessage id="settings.tenants" />
        </Tab>
      </TabList>
      {children}
    </section>
  );
}
