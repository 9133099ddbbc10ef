import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import { BrowserRouter } from 'react-router';
import { queryClient } from './api/queries.ts';
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
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <Localized />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </FluentProvider>
  </StrictMode>,
);
