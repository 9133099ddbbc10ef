import { Button, Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { Key24Regular, Person24Regular, SignOut24Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useNavigate } from 'react-router';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../i18n/catalogs.ts';
import { lazyComponent } from './lazy.tsx';
import { useSession, useSignedIn } from './session.tsx';

const ChangePasswordDialog = lazyComponent(() => import('../features/identity/ChangePasswordDialog.tsx').then((m) => m.ChangePasswordDialog));

/** The header's user menu: the language, the password, signing out. */
export function UserMenu({ label, buttonClassName, nameClassName }: { label: string | undefined; buttonClassName: string; nameClassName: string }) {
  const navigate = useNavigate();
  const { locale, setLocale, signOut, signOutEverywhere } = useSession();
  const me = useSignedIn();
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <>
      <Menu
        checkedValues={{ locale: [locale] }}
        onCheckedValueChange={(_, data) => {
          const next = data.checkedItems[0] as Locale | undefined;
          if (next) void setLocale(next);
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="transparent" className={buttonClassName} icon={<Person24Regular />} aria-label={label}>
            <span className={nameClassName}>{me.user.displayName}</span>
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
            <MenuItem icon={<SignOut24Regular />} onClick={() => void signOut().then(() => navigate('/sign-in'))}>
              <FormattedMessage id="shell.signOut" />
            </MenuItem>
            <MenuItem onClick={() => void signOutEverywhere().then(() => navigate('/sign-in'))}>
              <FormattedMessage id="shell.signOutEverywhere" />
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </>
  );
}
