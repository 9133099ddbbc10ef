import { Button } from '@fluentui/react-components';
import { Person24Regular } from '@fluentui/react-icons';
import { useRef, useState, type ComponentType, type KeyboardEvent, type Ref } from 'react';
import { useSignedIn } from './session.tsx';
import type { UserMenuPopoverProps } from './UserMenuPopover.tsx';

const loadPopover = () => import('./UserMenuPopover.tsx').then((m) => m.UserMenuPopover);

/**
 * The header's user menu. Its button is drawn at once; the menu's code (the menu, its positioning, a
 * fifth of a page's first load) is fetched when a pointer or the keyboard focus first reaches the
 * button, and a click made before it arrived opens the menu as soon as it has.
 */
export function UserMenu({ label, buttonClassName, nameClassName }: { label: string | undefined; buttonClassName: string; nameClassName: string }) {
  const me = useSignedIn();
  const [Popover, setPopover] = useState<ComponentType<UserMenuPopoverProps> | null>(null);
  const [openAtMount, setOpenAtMount] = useState(false);
  const [focusAtMount, setFocusAtMount] = useState(false);
  const standIn = useRef<HTMLButtonElement>(null);
  const loading = useRef<Promise<void> | null>(null);

  const load = () => {
    loading.current ??= loadPopover().then(
      (component) => {
        setFocusAtMount(document.activeElement === standIn.current);
        setPopover(() => component);
      },
      // Not reachable now (the connection dropped): the next approach tries again.
      () => {
        loading.current = null;
      },
    );
  };
  const open = () => {
    setOpenAtMount(true);
    load();
  };
  const button = (ref: Ref<HTMLButtonElement>, extra: object = {}) => (
    <Button ref={ref} appearance="transparent" className={buttonClassName} icon={<Person24Regular />} aria-label={label} {...extra}>
      <span className={nameClassName}>{me.user.displayName}</span>
    </Button>
  );

  if (Popover) return <Popover trigger={(ref) => button(ref)} openAtMount={openAtMount} focusAtMount={focusAtMount} />;
  return button(standIn, {
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    onPointerEnter: load,
    onFocus: load,
    // A press that began on this button asks for the menu: if the swap comes between the press and
    // its release, the browser sends the click to neither button, and the menu opens all the same.
    onPointerDown: open,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === ' ' || event.key === 'Enter') open();
    },
    onClick: open,
  });
}
