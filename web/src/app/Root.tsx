import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { IntlProvider } from 'react-intl';
import { BrowserRouter } from 'react-router';
import { loadCatalog } from '../i18n/catalogs.ts';
import { useCatalog } from '../i18n/useCatalog.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { SessionProvider, useSession } from './session.tsx';

/**
 * The portal in the session's language. While another language's catalog is fetched the page stays
 * in the one it had (never a flash of raw ids); a failed fetch is tried again.
 */
function Localized() {
  const { locale } = useSession();
  const shown = useCatalog(locale, loadCatalog);
  if (!shown) return null;
  return (
    <IntlProvider locale={shown.locale} messages={shown.messages} defaultLocale="en-US">
      <AppRoutes />
    </IntlProvider>
  );
}

/** The whole portal: Fluent's theme, the router, the session and the language. */
export function Root() {
  return (
    <StrictMode>
      <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
        <BrowserRouter>
          <SessionProvider>
            <Localized />
          </SessionProvider>
        </BrowserRouter>
      </FluentProvider>
    </StrictMode>
  );
}
