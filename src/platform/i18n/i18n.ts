import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { projectRoot } from '../paths.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../locales/locales.ts';
import type { MessageId } from './messages.ts';

/**
 * ICU message catalogs shared by the API, the emails and the web portal
 * (`locales/<locale>.json`). The server formats error and help messages with them.
 */
export { DEFAULT_LOCALE, isLocale, LOCALES, negotiateLocale, type Locale } from '../../../locales/locales.ts';

type Catalog = Record<string, string>;

function loadCatalog(locale: Locale): Catalog {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, 'locales', `${locale}.json`), 'utf8')) as Catalog;
}

const catalogs = new Map<Locale, Catalog>(LOCALES.map((locale) => [locale, loadCatalog(locale)]));
const compiled = new Map<string, IntlMessageFormat>();

export type { MessageId } from './messages.ts';

/** Whether the English catalog has this id (for checks of ids built at run time). */
export function hasMessage(id: string): boolean {
  return catalogs.get(DEFAULT_LOCALE)?.[id] !== undefined;
}

/** The message `id` in `locale` (English when that catalog lacks it), with its ICU placeholders filled. */
export function t(locale: Locale, id: MessageId, values?: Record<string, string | number | Date>): string {
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

/** A name given in several languages (a program's tier or benefit), in this one: else English, else any. */
export const localized = (names: Record<string, string>, locale: Locale): string => names[locale] ?? names['en-US'] ?? Object.values(names)[0] ?? '';
