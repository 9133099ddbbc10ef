import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/AppRoutes.tsx';
import { SessionProvider, useSession } from './app/session.tsx';
import { CATALOGS } from './i18n/catalogs.ts';

function Localized() {
  const { locale } = useSession();
  return (
    <IntlProvider locale={locale} messages={CATALOGS[locale]} defaultLocale="en-US">
      <AppRoutes />
    </IntlProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <BrowserRouter>
        <SessionProvider>
          <Localized />
        </SessionProvider>
      </BrowserRouter>
    </FluentProvider>
  </StrictMode>,
);
