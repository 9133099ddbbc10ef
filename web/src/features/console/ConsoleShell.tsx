import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { DataBarVertical24Regular, DocumentBulletList24Regular, History24Regular, Key24Regular, MailInbox24Regular, People24Regular, PersonSearch24Regular, SignOut24Regular, TaskListLtr24Regular } from '@fluentui/react-icons';
import { QueryClientProvider } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { lazy } from 'react';
import { Navigate, NavLink, Outlet, Route, Routes } from 'react-router';
import { queryClient } from '../../api/queries.ts';
import { useNavLinkStyles } from '../../app/NavItems.tsx';
import { Page, SignedInAlready } from '../../app/route-parts.tsx';
import { useOperator, useSession } from '../../app/session.tsx';
import { LANGUAGE_NAMES, LOCALES } from '../../i18n/catalogs.ts';
import { ConsoleIntl } from './ConsoleIntl.tsx';
import { RecoveryCodesDialog } from './RecoveryCodesDialog.tsx';

// The operator's second factor comes with the console's code (SignInPage fetches it from here), so the
// two share ConsoleIntl and its catalogs without the build moving them into the portal's entry.
export { SecondFactorStep } from './SecondFactorStep.tsx';

/** Below this width the navigation is a row above the page (a tablet held upright, a small window). */
const narrow = '@media (max-width: 899px)';
const phone = '@media (max-width: 599px)';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateRows: '48px auto 1fr',
    gridTemplateColumns: '200px minmax(0, 1fr)',
    minHeight: '100%',
    [narrow]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  header: {
    gridColumn: '1 / -1',
    position: 'sticky',
    top: 0,
    zIndex: 10,
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    paddingLeft: '16px',
    paddingRight: '8px',
    backgroundColor: tokens.colorNeutralForeground1,
    color: tokens.colorNeutralForegroundInverted,
  },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, whiteSpace: 'nowrap' },
  // On a phone the header keeps the short name and the buttons (the operator's name is in the page's frame
  // only from a tablet up; sign-out keeps its name for a screen reader).
  long: { [phone]: { display: 'none' } },
  short: { display: 'none', [phone]: { display: 'inline' } },
  who: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', opacity: 0.9, [phone]: { visibility: 'hidden' } },
  signOutLabel: { [phone]: { display: 'none' } },
  headerButton: { color: tokens.colorNeutralForegroundInverted, minWidth: '40px' },
  languages: { display: 'flex', gap: '2px' },
  nav: {
    gridRow: '2 / 4',
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: '8px',
    [narrow]: { gridRow: 'auto', display: 'flex', flexWrap: 'wrap', borderRight: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: 0 },
  },
  main: { minWidth: 0, gridRow: '2 / 4', padding: '24px 32px', [narrow]: { gridRow: 'auto', padding: '16px' } },
  skip: { position: 'absolute', left: '-10000px', ':focus': { left: '8px', top: '8px', zIndex: 1000, backgroundColor: tokens.colorNeutralBackground1, padding: '8px' } },
});

// The console's pages, each its own chunk, imported from here rather than the portal's entry.
const QueuePage = lazy(() => import('./QueuePage.tsx').then((m) => ({ default: m.QueuePage })));
const DashboardPage = lazy(() => import('./DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const PartnerLookupPage = lazy(() => import('./PartnerLookupPage.tsx').then((m) => ({ default: m.PartnerLookupPage })));
const OutboxPage = lazy(() => import('./OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })));
const AuditPage = lazy(() => import('./AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const ProgramPage = lazy(() => import('./ProgramPage.tsx').then((m) => ({ default: m.ProgramPage })));
const TokensPage = lazy(() => import('./TokensPage.tsx').then((m) => ({ default: m.TokensPage })));
const OperatorsPage = lazy(() => import('./OperatorsPage.tsx').then((m) => ({ default: m.OperatorsPage })));

/**
 * The Rewards team's console (issue #14): its own frame, messages, navigation and routes, for operators
 * only; a page a role may not use is not among its routes (the API refuses it too).
 */
export function ConsoleShell() {
  const { role } = useOperator();
  return (
    <ConsoleIntl>
      <QueryClientProvider client={queryClient}>
        <Routes>
          <Route path="/sign-in" element={<SignedInAlready fallback="/console" />} />
          <Route element={<Frame />}>
            <Route path="/console" element={<Page><QueuePage /></Page>} />
            <Route path="/console/dashboard" element={<Page><DashboardPage /></Page>} />
            <Route path="/console/partners" element={<Page><PartnerLookupPage /></Page>} />
            <Route path="/console/outbox" element={<Page><OutboxPage /></Page>} />
            <Route path="/console/program" element={<Page><ProgramPage /></Page>} />
            {role !== 'rewards-agent' && <Route path="/console/audit" element={<Page><AuditPage /></Page>} />}
            {role === 'operator-admin' && <Route path="/console/team" element={<Page><OperatorsPage /></Page>} />}
            {role === 'operator-admin' && <Route path="/console/tokens" element={<Page><TokensPage /></Page>} />}
            <Route path="*" element={<Navigate to="/console" replace />} />
          </Route>
        </Routes>
      </QueryClientProvider>
    </ConsoleIntl>
  );
}

function Frame() {
  const styles = useStyles();
  const nav = useNavLinkStyles();
  const intl = useIntl();
  const operator = useOperator();
  const { signOut, recoveryCodes, dismissRecoveryCodes, locale, setLocale } = useSession();
  const role = intl.formatMessage({ id: `console.role.${operator.role}` });
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? mergeClasses(nav.navLink, nav.navLinkActive) : nav.navLink);
  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        <FormattedMessage id="shell.skipToContent" />
      </a>
      <header className={styles.header}>
        <Text className={styles.product}>
          <span className={styles.long}>
            <FormattedMessage id="console.product" />
          </span>
          <span className={styles.short}>
            <FormattedMessage id="console.productShort" />
          </span>
        </Text>
        <Text className={styles.who} data-testid="operator-name">
          {intl.formatMessage({ id: 'console.operator' }, { name: operator.displayName, role })}
        </Text>
        <div role="group" aria-label={intl.formatMessage({ id: 'shell.language' })} className={styles.languages}>
          {LOCALES.map((option) => (
            <Button
              key={option}
              size="small"
              appearance={option === locale ? 'outline' : 'transparent'}
              className={styles.headerButton}
              aria-pressed={option === locale}
              lang={option}
              onClick={() => void setLocale(option)}
            >
              {LANGUAGE_NAMES[option]}
            </Button>
          ))}
        </div>
        <Button appearance="transparent" className={styles.headerButton} icon={<SignOut24Regular />} aria-label={intl.formatMessage({ id: 'console.signOut' })} onClick={() => void signOut()}>
          <span className={styles.signOutLabel}>
            <FormattedMessage id="console.signOut" />
          </span>
        </Button>
      </header>
      <nav className={styles.nav} aria-label={intl.formatMessage({ id: 'console.navigation' })}>
        <NavLink to="/console" end className={link}>
          <TaskListLtr24Regular />
          <FormattedMessage id="console.nav.queue" />
        </NavLink>
        <NavLink to="/console/dashboard" className={link}>
          <DataBarVertical24Regular />
          <FormattedMessage id="console.nav.dashboard" />
        </NavLink>
        <NavLink to="/console/partners" className={link}>
          <PersonSearch24Regular />
          <FormattedMessage id="console.nav.partners" />
        </NavLink>
        <NavLink to="/console/outbox" className={link}>
          <MailInbox24Regular />
          <FormattedMessage id="console.nav.outbox" />
        </NavLink>
        <NavLink to="/console/program" className={link}>
          <DocumentBulletList24Regular />
          <FormattedMessage id="console.nav.program" />
        </NavLink>
        {operator.role !== 'rewards-agent' && (
          <NavLink to="/console/audit" className={link}>
            <History24Regular />
            <FormattedMessage id="console.nav.audit" />
          </NavLink>
        )}
        {operator.role === 'operator-admin' && (
          <NavLink to="/console/team" className={link}>
            <People24Regular />
            <FormattedMessage id="console.nav.operators" />
          </NavLink>
        )}
        {operator.role === 'operator-admin' && (
          <NavLink to="/console/tokens" className={link}>
            <Key24Regular />
            <FormattedMessage id="console.nav.tokens" />
          </NavLink>
        )}
      </nav>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
      <RecoveryCodesDialog codes={recoveryCodes} onDone={dismissRecoveryCodes} />
    </div>
  );
}
