import { Spinner } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { TenantsPage } from '../features/accounts/TenantsPage.tsx';
import { UsersPage } from '../features/accounts/UsersPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { SignInPage } from '../features/identity/SignInPage.tsx';
import { VisibilityHelpPage } from '../features/identity/VisibilityHelpPage.tsx';
import { RewardsPage } from '../features/rewards/RewardsPage.tsx';
import { RequestPage } from '../features/technical/RequestPage.tsx';
import { AppShell } from './AppShell.tsx';
import { useSession } from './session.tsx';

export function AppRoutes() {
  const { status } = useSession();
  const intl = useIntl();
  const location = useLocation();
  if (status === 'loading') {
    return <Spinner style={{ marginTop: '20vh' }} label={intl.formatMessage({ id: 'web.loading' })} />;
  }
  if (status === 'signed-out') {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="*" element={<Navigate to="/sign-in" replace state={{ from: location.pathname }} />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/sign-in" element={<Navigate to="/" replace />} />
      <Route element={<AppShell />}>
        <Route index element={<HomePage />} />
        <Route path="/rewards" element={<RewardsPage />} />
        <Route path="/rewards/:tab" element={<RewardsPage />} />
        <Route path="/rewards/technical/requests/:id" element={<RequestPage />} />
        <Route path="/help/rewards-visibility" element={<VisibilityHelpPage />} />
        <Route path="/settings" element={<Navigate to="/settings/users" replace />} />
        <Route path="/settings/users" element={<UsersPage />} />
        <Route path="/settings/tenants" element={<TenantsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
