import { lazy, type ComponentType } from 'react';
import { initialLocale } from '../i18n/catalogs.ts';
import { pagesFor, type PageName } from './page-routes.ts';
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
} satisfies Record<PageName, () => Promise<{ default: ComponentType }>>;

export const pages = Object.fromEntries(Object.entries(loaders).map(([name, load]) => [name, lazy(load)])) as unknown as Record<PageName, ComponentType>;

/** The chunks an address shows (the sign-in page, or the frame and the page), fetched now; a failure is left to the page. */
export function preloadPagesFor(pathname: string): void {
  const wanted = pagesFor(pathname);
  for (const name of wanted) void loaders[name]().catch(() => undefined);
  // The Rewards page's reads start as soon as the session is known, beside its code (same chunk).
  if (wanted.includes('RewardsPage')) {
    const session = firstSession();
    void Promise.all([session, import('../features/rewards/RewardsPage.tsx')]).then(
      ([me, page]) => me && page.prefetchFor(pathname, me.navigation.marketplaceRewards && me.partnerAccount !== null, me.user.locale ?? initialLocale()),
      () => undefined,
    );
  }
}
