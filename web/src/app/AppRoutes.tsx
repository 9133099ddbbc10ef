import { Suspense, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { MessageId } from '../i18n/catalogs.ts';
import { useDocumentTitle } from './dialogs.ts';
import { LazyBoundary } from './LazyBoundary.tsx';
import { pages } from './pages.ts';
import { useSession } from './session.tsx';

const { SignInPage, AppShell, HomePage, RewardsPage, RequestPage, VisibilityHelpPage, UsersPage, TenantsPage, ConsoleShell, QueuePage, DashboardPage, AuditPage, OutboxPage, OperatorsPage, PartnerLookupPage } = pages;

/** The document's title for a page whose name does not change (the others set their own, as they load). */
function Title({ id }: { id: MessageId }) {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id }));
  return null;
}

/** A page's own code, loaded when it is first shown: the sign-in page does not wait for the Rewards page. */
function Page({ title, children }: { title?: MessageId; children: ReactNode }) {
  return (
    <LazyBoundary>
      {title && <Title id={title} />}
      <Suspense fallback={null}>{children}</Suspense>
    </LazyBoundary>
  );
}

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
    // The Rewards team's console, and nothing of a partner's portal (an operator is never a member of a partner account).
    return (
      <Routes>
        <Route path="/sign-in" element={<SignedInAlready fallback="/console" />} />
        <Route element={<Page><ConsoleShell /></Page>}>
          <Route path="/console" element={<Page><QueuePage /></Page>} />
          <Route path="/console/dashboard" element={<Page><DashboardPage /></Page>} />
          <Route path="/console/outbox" element={<Page><OutboxPage /></Page>} />
          <Route path="/console/partners" element={<Page><PartnerLookupPage /></Page>} />
          {operator.role !== 'rewards-agent' && <Route path="/console/audit" element={<Page><AuditPage /></Page>} />}
          {operator.role === 'operator-admin' && <Route path="/console/team" element={<Page><OperatorsPage /></Page>} />}
          <Route path="*" element={<Navigate to="/console" replace />} />
        </Route>
      </Routes>
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

/** Signed in on the sign-in page (just now, or by going back to it): on to the page that was asked for. */
function SignedInAlready({ fallback = '/' }: { fallback?: string }) {
  const location = useLocation();
  const to = safeReturnPath(location.state);
  // An operator lands in the console whatever was asked; a partner user never does.
  const inConsole = to === '/console' || to.startsWith('/console/') || to.startsWith('/console?');
  return <Navigate to={fallback === '/console' ? (inConsole ? to : '/console') : inConsole ? '/' : to} replace />;
}

/** Only a path of this portal (never another origin, not even `//elsewhere`), else home. */
export function safeReturnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\') || from.startsWith('/sign-in')) return '/';
  return from;
}
