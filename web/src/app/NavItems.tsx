import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Gift24Regular, Home24Regular, QuestionCircle24Regular, Settings24Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { NavLink } from 'react-router';
import { useSignedIn } from './session.tsx';

/** A navigation entry and the one of the page shown (the portal's, and the console's: ConsoleShell). */
export const useNavLinkStyles = makeStyles({
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
});

function NavItem({ to, icon, children, onNavigate }: { to: string; icon: ReactNode; children: ReactNode; onNavigate?: () => void }) {
  const styles = useNavLinkStyles();
  return (
    <NavLink
      to={to}
      end={to === '/'}
      onClick={onNavigate}
      className={({ isActive }) => (isActive ? mergeClasses(styles.navLink, styles.navLinkActive) : styles.navLink)}
    >
      {icon}
      {children}
    </NavLink>
  );
}

/** The navigation's entries: the side column on a wide window, the drawer on a narrow one. */
export function NavItems({ onNavigate }: { onNavigate?: () => void }) {
  const me = useSignedIn();
  return (
    <>
      <NavItem to="/" icon={<Home24Regular />} onNavigate={onNavigate}>
        <FormattedMessage id="shell.nav.home" />
      </NavItem>
      {me.navigation.marketplaceRewards && (
        <NavItem to="/rewards" icon={<Gift24Regular />} onNavigate={onNavigate}>
          <FormattedMessage id="shell.nav.rewards" />
        </NavItem>
      )}
      {me.partnerAccount && (
        <NavItem to="/settings/users" icon={<Settings24Regular />} onNavigate={onNavigate}>
          <FormattedMessage id="shell.nav.accountSettings" />
        </NavItem>
      )}
      {/* Only for whom it answers a question: a user who can see the program has no use for it. */}
      {!me.navigation.marketplaceRewards && (
        <NavItem to="/help/rewards-visibility" icon={<QuestionCircle24Regular />} onNavigate={onNavigate}>
          <FormattedMessage id="shell.nav.help" />
        </NavItem>
      )}
    </>
  );
}
