import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { startTransition, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/AppRoutes.tsx';
import { preloadPagesFor } from './app/pages.ts';
import { SessionProvider, useSession } from './app/session.tsx';
import { initialLocale, loadCatalog, type Catalog, type Locale } from './i18n/catalogs.ts';

// Fetched at once, beside the session read and the page's own code, rather than one after another.
preloadPagesFor(window.location.pathname);
const firstCatalog = loadCatalog(initialLocale()).catch(() => undefined);

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

// Rendered once the first catalog is here: until then index.html's own loading indicator stays.
const root = createRoot(document.getElementById('root')!);
void firstCatalog.then(() => startTransition(() => root.render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <BrowserRouter>
        <SessionProvider>
          <Localized />
        </SessionProvider>
      </BrowserRouter>
    </FluentProvider>
  </StrictMode>,
)));
