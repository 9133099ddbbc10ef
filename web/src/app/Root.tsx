import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { startTransition, StrictMode, useEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { BrowserRouter } from 'react-router';
import { loadCatalog, type Catalog, type Locale } from '../i18n/catalogs.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { SessionProvider, useSession } from './session.tsx';

/**
 * The portal in the session's language. While another language's catalog is fetched the page stays
 * in the one it had (never a flash of raw ids); a failed fetch is tried again.
 */
function Localized() {
  const { locale } = useSession();
  const [shown, setShown] = useState<{ locale: Locale; messages: Catalog } | null>(null);
  useEffect(() => {
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = (delay: number) => {
      loadCatalog(locale).then(
        (messages) => current && startTransition(() => setShown({ locale, messages })),
        () => {
          if (current) retry = setTimeout(() => load(Math.min(delay * 2, 30_000)), delay);
        },
      );
    };
    load(1000);
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [locale]);
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
