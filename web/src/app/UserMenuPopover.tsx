import { Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { Key24Regular, SignOut24Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ReactElement, type Ref } from 'react';
import { FormattedMessage } from 'react-intl';
import { useNavigate } from 'react-router';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../i18n/catalogs.ts';
import { lazyComponent } from './lazy.tsx';
import { useSession } from './session.tsx';

const ChangePasswordDialog = lazyComponent(() => import('../features/identity/ChangePasswordDialog.tsx').then((m) => m.ChangePasswordDialog));

export interface UserMenuPopoverProps {
  /** The header's button, as UserMenu drew it before this code arrived. */
  trigger: (ref: Ref<HTMLButtonElement>) => ReactElement;
  /** The button was clicked while this code was on its way: open as soon as it is here. */
  openAtMount: boolean;
  /** The button had the keyboard focus when it was swapped for this one: keep it there. */
  focusAtMount: boolean;
}

/** The user menu itself: the language, the password, signing out (UserMenu fetches it on first approach). */
export function UserMenuPopover({ trigger, openAtMount, focusAtMount }: UserMenuPopoverProps) {
  const navigate = useNavigate();
  const { locale, setLocale, signOut, signOutEverywhere } = useSession();
  const [open, setOpen] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);

  // Opened after the first render, as a click would: the menu then moves focus to its first item.
  useEffect(() => {
    if (focusAtMount || openAtMount) triggerRef.current?.focus();
    if (openAtMount) setOpen(true);
  }, [focusAtMount, openAtMount]);

  return (
    <>
      <Menu
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        checkedValues={{ locale: [locale] }}
        onCheckedValueChange={(_, data) => {
          const next = data.checkedItems[0] as Locale | undefined;
          if (next) void setLocale(next);
        }}
      >
        <MenuTrigger disableButtonEnhancement>{trigger(triggerRef)}</MenuTrigger>
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
