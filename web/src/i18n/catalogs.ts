import enUS from '../../../locales/en-US.json';
import nlNL from '../../../locales/nl-NL.json';
import { LOCALES, pickLocale, type Locale } from '../../../locales/locales.ts';

/**
 * The same ICU catalogs the server formats errors and emails with. The ids are
 * the English catalog's keys (message-ids.d.ts); every catalog must have every
 * one, so a message missing in Dutch fails the typecheck too.
 */
export const CATALOGS: Record<Locale, Record<keyof typeof enUS, string>> = { 'en-US': enUS, 'nl-NL': nlNL };
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
