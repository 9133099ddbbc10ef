import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, makeStyles, OverlayDrawer, Text, tokens } from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavItems } from './NavItems.tsx';
import { useSignedIn } from './session.tsx';

const useStyles = makeStyles({
  nav: { display: 'flex', flexDirection: 'column', marginLeft: '-24px', marginRight: '-24px' },
  account: { display: 'block', paddingBottom: '8px', color: tokens.colorNeutralForeground2 },
});

/**
 * The navigation on a narrow window: a drawer over the page, behind the header's menu button.
 * Dismissed, it hands focus back to that button; left by a link, to the page the link opens.
 */
export function NavDrawer({ open, label, onClose, onNavigate }: { open: boolean; label: string; onClose: () => void; onNavigate: () => void }) {
  const styles = useStyles();
  const intl = useIntl();
  const me = useSignedIn();
  return (
    <OverlayDrawer open={open} onOpenChange={(_, data) => !data.open && onClose()} aria-label={label}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label={intl.formatMessage({ id: 'web.close' })} icon={<Dismiss24Regular />} onClick={onClose} />}
        >
          <FormattedMessage id="shell.productShort" />
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <Text className={styles.account}>{me.partnerAccount?.name ?? intl.formatMessage({ id: 'shell.noAccount' })}</Text>
        <nav className={styles.nav} aria-label={label}>
          <NavItems onNavigate={onNavigate} />
        </nav>
      </DrawerBody>
    </OverlayDrawer>
  );
}
