import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { projectRoot } from '../paths.ts';
import { LOCALES, type Locale } from '../db/schema.ts';

/**
 * ICU message catalogs shared by the API, the emails and the web portal
 * (`locales/<locale>.json`). The server formats error and help messages with them.
 */
export const DEFAULT_LOCALE: Locale = 'en-US';
export { LOCALES, type Locale };

type Catalog = Record<string, string>;

function loadCatalog(locale: Locale): Catalog {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, 'locales', `${locale}.json`), 'utf8')) as Catalog;
}

const catalogs = new Map<Locale, Catalog>(LOCALES.map((locale) => [locale, loadCatalog(locale)]));
const compiled = new Map<string, IntlMessageFormat>();

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function hasMessage(id: string): boolean {
  return catalogs.get(DEFAULT_LOCALE)?.[id] !== undefined;
}

export function t(locale: Locale, id: string, values?: Record<string, string | number | Date>): string {
  const message = catalogs.get(locale)?.[id] ?? catalogs.get(DEFAULT_LOCALE)?.[id];
  if (message === undefined) return id;
  const key = `${locale}\u0000${id}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, locale);
    compiled.set(key, format);
  }
  return String(format.format(values));
}

/** Picks the best supported locale from an Accept-Language header (`nl`, `nl-BE` -> nl-NL). */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const exact = LOCALES.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split('-')[0];
    const sameLanguage = LOCALES.find((locale) => locale.split('-')[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return DEFAULT_LOCALE;
}
