/**
 * Which page chunks an address shows, as data: pages.ts starts loading them as the portal boots, and
 * the build (web/vite.config.ts) writes one index.html per row naming the same chunks for preloading,
 * which the server sends for those addresses (src/server/web.ts reads page-routes.json). Plain data
 * without React, so the build can import it.
 */
export const PAGE_MODULES = {
  SignInPage: 'features/identity/SignInPage.tsx',
  AppShell: 'app/AppShell.tsx',
  HomePage: 'features/home/HomePage.tsx',
  RewardsPage: 'features/rewards/RewardsPage.tsx',
  RequestPage: 'features/technical/RequestPage.tsx',
  VisibilityHelpPage: 'features/identity/VisibilityHelpPage.tsx',
  UsersPage: 'features/accounts/UsersPage.tsx',
  TenantsPage: 'features/accounts/TenantsPage.tsx',
  ConsoleShell: 'features/console/ConsoleShell.tsx',
  QueuePage: 'features/console/QueuePage.tsx',
  DashboardPage: 'features/console/DashboardPage.tsx',
  AuditPage: 'features/console/AuditPage.tsx',
  OutboxPage: 'features/console/OutboxPage.tsx',
  OperatorsPage: 'features/console/OperatorsPage.tsx',
  PartnerLookupPage: 'features/console/PartnerLookupPage.tsx',
  ProgramPage: 'features/console/ProgramPage.tsx',
  TokensPage: 'features/console/TokensPage.tsx',
} as const;

export type PageName = keyof typeof PAGE_MODULES;
/** The console's pages, which its frame loads (ConsoleShell.tsx); the others are the portal's entry's (pages.ts). */
export type ConsolePageName = 'QueuePage' | 'DashboardPage' | 'AuditPage' | 'OutboxPage' | 'OperatorsPage' | 'PartnerLookupPage' | 'ProgramPage' | 'TokensPage';
export type PortalPageName = Exclude<PageName, ConsolePageName>;

export interface PageRoute {
  /** The address, or (without `exact`) the start of the addresses. */
  path: string;
  exact?: boolean;
  pages: readonly PageName[];
}

/** First match wins; an address none matches shows FALLBACK_PAGES. */
export const PAGE_ROUTES: readonly PageRoute[] = [
  { path: '/sign-in', exact: true, pages: ['SignInPage'] },
  { path: '/rewards/technical/requests/', pages: ['AppShell', 'RequestPage'] },
  { path: '/rewards', pages: ['AppShell', 'RewardsPage'] },
  { path: '/settings/tenants', pages: ['AppShell', 'TenantsPage'] },
  { path: '/settings', pages: ['AppShell', 'UsersPage'] },
  { path: '/help', pages: ['AppShell', 'VisibilityHelpPage'] },
  { path: '/console/dashboard', exact: true, pages: ['ConsoleShell', 'DashboardPage'] },
  { path: '/console/audit', exact: true, pages: ['ConsoleShell', 'AuditPage'] },
  { path: '/console/outbox', exact: true, pages: ['ConsoleShell', 'OutboxPage'] },
  { path: '/console/team', exact: true, pages: ['ConsoleShell', 'OperatorsPage'] },
  { path: '/console/partners', exact: true, pages: ['ConsoleShell', 'PartnerLookupPage'] },
  { path: '/console/program', exact: true, pages: ['ConsoleShell', 'ProgramPage'] },
  { path: '/console/tokens', exact: true, pages: ['ConsoleShell', 'TokensPage'] },
  { path: '/console', pages: ['ConsoleShell', 'QueuePage'] },
];
export const FALLBACK_PAGES: readonly PageName[] = ['AppShell', 'HomePage'];

/** The route an address belongs to (undefined: FALLBACK_PAGES). */
export function pageRouteFor(pathname: string, routes: readonly Pick<PageRoute, 'path' | 'exact'>[] = PAGE_ROUTES): number | undefined {
  const index = routes.findIndex((route) => (route.exact ? pathname === route.path : pathname.startsWith(route.path)));
  return index === -1 ? undefined : index;
}

export function pagesFor(pathname: string): readonly PageName[] {
  const index = pageRouteFor(pathname);
  return index === undefined ? FALLBACK_PAGES : PAGE_ROUTES[index]!.pages;
}
