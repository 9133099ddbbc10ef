import type { MessageFormatElement } from 'react-intl';
import type enUS from '../../../locales/en-US.json';
import type nlNL from '../../../locales/nl-NL.json';
import { LOCALES, pickLocale, type Locale } from '../../../locales/locales.ts';

/**
 * The same ICU catalogs the server formats errors and emails with. The ids are
 * the English catalog's keys (message-ids.d.ts); every catalog must have every
 * one, so a message missing in Dutch fails the typecheck too.
 */
export const catalogsComplete: typeof nlNL extends Record<keyof typeof enUS, string> ? true : never = true;
export type MessageId = keyof typeof enUS;
export type Catalog = Record<MessageId, MessageFormatElement[]>;
const loaders: Record<Locale, () => Promise<{ default: Record<string, MessageFormatElement[]> }>> = {
  'en-US': () => import('virtual:rewards-catalog/en-US'),
  'nl-NL': () => import('virtual:rewards-catalog/nl-NL'),
};
const loaded = new Map<Locale, Promise<Catalog>>();

/**
 * One language's messages, parsed at build time and fetched when first shown (web/vite.config.ts):
 * the portal carries neither the other language nor the server's messages. Asked again, the same load.
 */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  let catalog = loaded.get(locale);
  if (!catalog) {
    catalog = loaders[locale]().then((module) => module.default as Catalog);
    // A failed fetch (the connection dropped) is not remembered, so the next attempt fetches again.
    catalog.catch(() => loaded.delete(locale));
    loaded.set(locale, catalog);
  }
  return catalog;
}
export { LOCALES, type Locale };

export const LANGUAGE_NAMES: Record<Locale, string> = { 'en-US': 'English', 'nl-NL': 'Nederlands' };

const STORAGE_KEY = 'rewards.locale';

/** Before sign-in: the choice made on this browser, else the browser's languages, else English. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return pickLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}
