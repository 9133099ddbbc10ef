import type { ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import type { Catalog, Locale } from '../../i18n/catalogs.ts';
import enUS from 'virtual:rewards-catalog/console.en-US';
import nlNL from 'virtual:rewards-catalog/console.nl-NL';

/**
 * The console's own messages (`console.*`), in both languages, are part of the console's code
 * (web/vite.config.ts keeps them out of the portal's catalogs): partners' pages never fetch them, and
 * an operator has them with the console, without a fetch of their own (~3 kB each, compressed).
 */
const CATALOGS: Record<Locale, Catalog> = { 'en-US': enUS as Catalog, 'nl-NL': nlNL as Catalog };

export function ConsoleIntl({ children }: { children: ReactNode }) {
  const intl = useIntl();
  return (
    <IntlProvider locale={intl.locale} messages={{ ...intl.messages, ...CATALOGS[intl.locale as Locale] }} defaultLocale="en-US">
      {children}
    </IntlProvider>
  );
}
