import { useIntl } from 'react-intl';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { pages } from './pages.ts';
import { Page, SignedInAlready } from './route-parts.tsx';
import { useSession } from './session.tsx';

const { SignInPage, AppShell, HomePage, RewardsPage, RequestPage, VisibilityHelpPage, UsersPage, TenantsPage, ConsoleShell } = pages;

export function AppRoutes() {
  const { status, operator } = useSession();
  const intl = useIntl();
  const location = useLocation();
  if (status === 'loading') {
    // The same indicator index.html shows before the code arrives (styled there), so nothing jumps.
    return <div className="boot" role="status" aria-label={intl.formatMessage({ id: 'web.loading' })} />;
  }
  if (status === 'signed-out') {
    // The page asked for rides along, so sign-in lands there (a link from an email, a bookmark).
    const from = `${location.pathname}${location.search}${location.hash}`;
    return (
      <Routes>
        <Route path="/sign-in" element={<Page><SignInPage /></Page>} />
        <Route path="*" element={<Navigate to="/sign-in" replace state={{ from }} />} />
      </Routes>
    );
  }
  if (operator) {
    // The Rewards team's console, and nothing of a partner's portal (an operator is never a member of a
    // partner account). Its routes and pages come with its own code (ConsoleShell.tsx), not the portal's entry.
    return (
      <Page>
        <ConsoleShell />
      </Page>
    );
  }
  // A partner's portal: the console's addresses are not among its routes (they lead home).
  return (
    <Routes>
      <Route path="/sign-in" element={<SignedInAlready />} />
      <Route element={<Page><AppShell /></Page>}>
        <Route index element={<Page title="shell.nav.home"><HomePage /></Page>} />
        <Route path="/rewards" element={<Page><RewardsPage /></Page>} />
        <Route path="/rewards/:tab" element={<Page><RewardsPage /></Page>} />
        <Route path="/rewards/technical/requests/:id" element={<Page><RequestPage /></Page>} />
        <Route path="/help/rewards-visibility" element={<Page title="help.title"><VisibilityHelpPage /></Page>} />
        <Route path="/settings" element={<Navigate to="/settings/users" replace />} />
        <Route path="/settings/users" element={<Page title="settings.users"><UsersPage /></Page>} />
        <Route path="/settings/tenants" element={<Page title="settings.tenants"><TenantsPage /></Page>} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export { safeReturnPath } from './route-parts.tsx';
