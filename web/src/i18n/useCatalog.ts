import { startTransition, useEffect, useState } from 'react';
import type { Catalog, Locale } from './catalogs.ts';

/**
 * A catalog for `locale`, fetched by `load` (the portal's, or the console's): null until the first
 * arrives; while another language's is fetched, the one shown stays (never a flash of raw ids); a
 * failed fetch is tried again, waiting longer each time.
 */
export function useCatalog(locale: Locale, load: (locale: Locale) => Promise<Catalog>): { locale: Locale; messages: Catalog } | null {
  const [shown, setShown] = useState<{ locale: Locale; messages: Catalog } | null>(null);
  useEffect(() => {
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const attempt = (delay: number) => {
      load(locale).then(
        (messages) => current && startTransition(() => setShown({ locale, messages })),
        () => {
          if (current) retry = setTimeout(() => attempt(Math.min(delay * 2, 30_000)), delay);
        },
      );
    };
    attempt(1000);
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [locale, load]);
  return shown;
}
