import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { Navigation24Regular, Settings24Regular } from '@fluentui/react-icons';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Outlet, useNavigate } from 'react-router';
import { queryClient } from '../api/queries.ts';
import { lazyComponent } from './lazy.tsx';
import { useSignedIn } from './session.tsx';

import { NavItems } from './NavItems.tsx';
import { UserMenu } from './UserMenu.tsx';

// The phone's navigation drawer (with the motion and focus-trapping code it needs) is fetched when
// first opened, so a page's first load does not carry it.
const NavDrawer = lazyComponent(() => import('./NavDrawer.tsx').then((m) => m.NavDrawer));

/** Below this width the navigation is a drawer behind the menu button, and the header keeps only its buttons. */
export const NARROW = '(max-width: 767px)';
const narrow = `@media ${NARROW}`;

const useStyles = makeStyles({
  // The document scrolls (not an inner box), so keyboard users can scroll any page.
  root: {
    display: 'grid',
    gridTemplateRows: '48px 1fr',
    gridTemplateColumns: '240px minmax(0, 1fr)',
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
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, whiteSpace: 'nowrap' },
  account: {
    flexGrow: 1,
    opacity: 0.9,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    [narrow]: { display: 'none' },
  },
  spacer: { display: 'none', [narrow]: { display: 'block', flexGrow: 1 } },
  headerButton: { color: tokens.colorNeutralForegroundOnBrand, minWidth: '40px' },
  menuButton: { display: 'none', [narrow]: { display: 'inline-flex' } },
  userName: { [narrow]: { display: 'none' } },
  nav: {
    [narrow]: { display: 'none' },
    position: 'sticky',
    top: '48px',
    alignSelf: 'start',
    minHeight: 'calc(100vh - 48px)',
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: '8px',
    display: 'flex',
    flexDirection: 'column',
  },

  main: {
    minWidth: 0,
    paddingTop: '24px',
    paddingBottom: '24px',
    paddingLeft: '32px',
    paddingRight: '32px',
    [narrow]: { paddingTop: '16px', paddingLeft: '12px', paddingRight: '12px' },
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: '8px', top: '8px', zIndex: 1000, backgroundColor: tokens.colorNeutralBackground1, padding: '8px' },
  },
});


/** Whether the window is narrower than NARROW, followed as it changes (a phone turned, a window resized). */
function useNarrow(): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const update = () => setMatches(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return matches;
}


/**
 * The partner dashboard frame: header with account, settings and user menu; navigation; the page.
 * The signed-in pages' read cache is provided here, so the sign-in page's code does not carry it.
 */
export function AppShell() {
  const styles = useStyles();
  const intl = useIntl();
  const navigate = useNavigate();
  const me = useSignedIn();
  const narrowWindow = useNarrow();
  const [drawer, setDrawer] = useState<'never' | 'open' | 'closed'>('never');
  const menuButton = useRef<HTMLButtonElement>(null);
  const navigationLabel = intl.formatMessage({ id: 'shell.navigation' });
  const userLabel = narrowWindow ? intl.formatMessage({ id: 'shell.userMenu' }, { name: me.user.displayName }) : undefined;

  return (
    <QueryClientProvider client={queryClient}>
      <div className={styles.root}>
        <a href="#main" className={styles.skip}>
          <FormattedMessage id="shell.skipToContent" />
        </a>
        <header className={styles.header}>
          <Button
            ref={menuButton}
            appearance="transparent"
            className={mergeClasses(styles.headerButton, styles.menuButton)}
            icon={<Navigation24Regular />}
            aria-label={intl.formatMessage({ id: 'shell.openNavigation' })}
            aria-expanded={drawer === 'open'}
            onClick={() => setDrawer('open')}
          />
          <Text className={styles.product}>
            <FormattedMessage id={narrowWindow ? 'shell.productShort' : 'shell.product'} />
          </Text>
          <Text className={styles.account} data-testid="account-name">
            {me.partnerAccount?.name ?? intl.formatMessage({ id: 'shell.noAccount' })}
          </Text>
          <span className={styles.spacer} />
          {me.partnerAccount && (
            <Button
              appearance="transparent"
              className={styles.headerButton}
              icon={<Settings24Regular />}
              aria-label={intl.formatMessage({ id: 'shell.settings' })}
              title={intl.formatMessage({ id: 'shell.settings' })}
              onClick={() => void navigate('/settings/users')}
            />
          )}
          <UserMenu label={userLabel} buttonClassName={styles.headerButton} nameClassName={styles.userName} />
        </header>
        {narrowWindow ? (
          drawer !== 'never' && (
            <NavDrawer
              open={drawer === 'open'}
              label={navigationLabel}
              onClose={() => {
                setDrawer('closed');
                menuButton.current?.focus();
              }}
              onNavigate={() => setDrawer('closed')}
            />
          )
        ) : (
          <nav className={styles.nav} aria-label={navigationLabel}>
            <NavItems />
          </nav>
        )}
        <main id="main" className={styles.main} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </QueryClientProvider>
  );
}
