import { lazy, type ComponentType } from 'react';
import { startEarlyReads } from '../api/client.ts';
import { firstReadUrls } from '../features/rewards/first-reads.ts';
import { initialLocale } from '../i18n/catalogs.ts';
import { pagesFor, type PortalPageName } from './page-routes.ts';
import { sessionHint } from './session-hint.ts';
import { firstSession } from './session.tsx';

/**
 * The portal's pages, each its own chunk. `preloadPagesFor` starts loading the chunk the address
 * needs while the session is still being read, so the split costs no extra round trip.
 */
const loaders = {
  SignInPage: () => import('../features/identity/SignInPage.tsx').then((m) => ({ default: m.SignInPage })),
  AppShell: () => import('./AppShell.tsx').then((m) => ({ default: m.AppShell })),
  HomePage: () => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })),
  RewardsPage: () => import('../features/rewards/RewardsPage.tsx').then((m) => ({ default: m.RewardsPage })),
  RequestPage: () => import('../features/technical/RequestPage.tsx').then((m) => ({ default: m.RequestPage })),
  VisibilityHelpPage: () => import('../features/identity/VisibilityHelpPage.tsx').then((m) => ({ default: m.VisibilityHelpPage })),
  UsersPage: () => import('../features/accounts/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
  TenantsPage: () => import('../features/accounts/TenantsPage.tsx').then((m) => ({ default: m.TenantsPage })),
  ConsoleShell: () => import('../features/console/ConsoleShell.tsx').then((m) => ({ default: m.ConsoleShell })),
} satisfies Record<PortalPageName, () => Promise<{ default: ComponentType }>>;

export const pages = Object.fromEntries(Object.entries(loaders).map(([name, load]) => [name, lazy(load)])) as unknown as Record<PortalPageName, ComponentType>;

/** The chunks an address shows (the sign-in page, or the frame and the page), fetched now; a failure is left to the page. */
export function preloadPagesFor(pathname: string): void {
  const wanted = pagesFor(pathname);
  // The console's pages are the console's to load (ConsoleShell.tsx): its frame's chunk names them.
  for (const name of wanted) if (name in loaders) void loaders[name as PortalPageName]().catch(() => undefined);
  // The Rewards page's reads start at once, beside the session read and the page's code, as guessed by
  // sessionHint (the query cache takes them over: client.ts), and once the session read is answered, as
  // it says (with its code: same chunk). Nothing is read twice: the same URLs and keys.
  if (wanted.includes('RewardsPage')) {
    const page = import('../features/rewards/RewardsPage.tsx');
    const hint = sessionHint();
    if (hint?.rewards) startEarlyReads(firstReadUrls(pathname), hint.locale);
    void Promise.all([firstSession(), page]).then(
      ([me, p]) => me && p.prefetchFor(pathname, me.navigation.marketplaceRewards && me.partnerAccount !== null, me.user.locale ?? initialLocale()),
      () => undefined,
    );
  }
}
