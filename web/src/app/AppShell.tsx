import {
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import {
  Gift24Regular,
  Home24Regular,
  Key24Regular,
  Person24Regular,
  QuestionCircle24Regular,
  Settings24Regular,
  SignOut24Regular,
} from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { ChangePasswordDialog } from '../features/identity/ChangePasswordDialog.tsx';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../i18n/catalogs.ts';
import { useSession, useSignedIn } from './session.tsx';

const useStyles = makeStyles({
  // The document scrolls (not an inner box), so keyboard users can scroll any page.
  root: { display: 'grid', gridTemplateRows: '48px 1fr', gridTemplateColumns: '240px 1fr', minHeight: '100%' },
  header: {
    gridColumn: '1 / 3',
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
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  account: { flexGrow: 1, opacity: 0.9 },
  headerButton: { color: tokens.colorNeutralForegroundOnBrand, minWidth: '40px' },
  nav: {
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
  navLink: {
    display: 'flex',
    alignItems: 'center',
    gap: '10px',
    paddingTop: '10px',
    paddingBottom: '10px',
    paddingLeft: '16px',
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    borderLeft: '3px solid transparent',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  navLinkActive: {
    fontWeight: tokens.fontWeightSemibold,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
  main: { minWidth: 0, paddingTop: '24px', paddingBottom: '24px', paddingLeft: '32px', paddingRight: '32px' },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: '8px', top: '8px', zIndex: 1000, backgroundColor: tokens.colorNeutralBackground1, padding: '8px' },
  },
});

function NavItem({ to, icon, children }: { to: string; icon: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <NavLink
      to={to}
      end={to === '/'}
      className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.navLinkActive}` : styles.navLink)}
    >
      {icon}
      {children}
    </NavLink>
  );
}

/** The partner dashboard frame: header with account, settings and user menu; left navigation; the page. */
export function AppShell() {
  const styles = useStyles();
  const intl = useIntl();
  const navigate = useNavigate();
  const { locale, setLocale, signOut, signOutEverywhere } = useSession();
  const me = useSignedIn();
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        <FormattedMessage id="shell.skipToContent" />
      </a>
      <header className={styles.header}>
        <Text className={styles.product}>
          <FormattedMessage id="shell.product" />
        </Text>
        <Text className={styles.account} data-testid="account-name">
          {me.partnerAccount?.name ?? intl.formatMessage({ id: 'shell.noAccount' })}
        </Text>
        <Tooltip content={intl.formatMessage({ id: 'shell.settings' })} relationship="label">
          <Button
            appearance="transparent"
            className={styles.headerButton}
            icon={<Settings24Regular />}
            onClick={() => void navigate('/settings/users')}
          />
        </Tooltip>
        <Menu
          checkedValues={{ locale: [locale] }}
          onCheckedValueChange={(_, data) => {
            const next = data.checkedItems[0] as Locale | undefined;
            if (next) void setLocale(next);
          }}
        >
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="transparent" className={styles.headerButton} icon={<Person24Regular />}>
              {me.user.displayName}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuGroup>
                <MenuGroupHeader>
                  <FormattedMessage id="shell.language" />
                </MenuGroupHeader>
                {LOCALES.map((option) => (
                  <MenuItemRadio key={option} name="locale" value={option} lang={option}>
                    {LANGUAGE_NAMES[option]}
                  </MenuItemRadio>
                ))}
              </MenuGroup>
              <MenuDivider />
              <MenuItem icon={<Key24Regular />} onClick={() => setChangingPassword(true)}>
                <FormattedMessage id="password.change" />
              </MenuItem>
              <MenuItem
                icon={<SignOut24Regular />}
                onClick={() => {
                  void signOut().then(() => navigate('/sign-in'));
                }}
              >
                <FormattedMessage id="shell.signOut" />
              </MenuItem>
              <MenuItem
                onClick={() => {
                  void signOutEverywhere().then(() => navigate('/sign-in'));
                }}
              >
                <FormattedMessage id="shell.signOutEverywhere" />
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
      </header>
      <nav className={styles.nav} aria-label={intl.formatMessage({ id: 'shell.navigation' })}>
        <NavItem to="/" icon={<Home24Regular />}>
          <FormattedMessage id="shell.nav.home" />
        </NavItem>
        {me.navigation.marketplaceRewards && (
          <NavItem to="/rewards" icon={<Gift24Regular />}>
            <FormattedMessage id="shell.nav.rewards" />
          </NavItem>
        )}
        {me.partnerAccount && (
          <NavItem to="/settings/users" icon={<Settings24Regular />}>
            <FormattedMessage id="shell.nav.accountSettings" />
          </NavItem>
        )}
        <NavItem to="/help/rewards-visibility" icon={<QuestionCircle24Regular />}>
          <FormattedMessage id="shell.nav.help" />
        </NavItem>
      </nav>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
