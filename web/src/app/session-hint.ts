import { csrfToken } from '../api/client.ts';
import { initialLocale, LOCALES, type Locale } from '../i18n/catalogs.ts';

/**
 * What the Rewards page's reads will be asked in, guessed before the session read is answered, so that
 * they start beside it rather than after it (pages.ts): with a session, what the last session read on
 * this browser said (may the user see the program, in which language), else that the program shows, in
 * the language the portal starts in. Only a guess: the reads it starts are the ones the page then makes
 * for whoever is signed in (the same keys), or are not used; the cache is emptied at every sign-in.
 */
const HINT_KEY = 'rewards.lastSession';
export interface SessionHint {
  rewards: boolean;
  locale: Locale;
}
export function sessionHint(): SessionHint | null {
  if (!csrfToken()) return null;
  try {
    const hint = JSON.parse(localStorage.getItem(HINT_KEY) ?? 'null') as { rewards?: unknown; locale?: unknown } | null;
    if (hint && typeof hint.rewards === 'boolean') {
      return { rewards: hint.rewards, locale: typeof hint.locale === 'string' && (LOCALES as readonly string[]).includes(hint.locale) ? (hint.locale as Locale) : initialLocale() };
    }
  } catch {
    // Not readable: guessed as without it.
  }
  return { rewards: true, locale: initialLocale() };
}
/** What a session read answered (null: signed out), kept for the next visit's guess. */
export function rememberSession(me: { navigation: { marketplaceRewards: boolean }; partnerAccount: unknown; user: { locale?: string | null } } | null): void {
  try {
    if (me) localStorage.setItem(HINT_KEY, JSON.stringify({ rewards: me.navigation.marketplaceRewards && me.partnerAccount !== null, locale: me.user.locale ?? null }));
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage refused (private mode, full): the next visit reads one after the other, as without the hint.
  }
}
