import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';

/**
 * Which dialog (or which object's dialog) is open, and who opened it: closing hands focus back to the
 * element that had it when the dialog opened (the button), so a keyboard user continues where they were.
 */
export function useDialog<T>() {
  const [value, setValue] = useState<T | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  return {
    value,
    open: (next: T) => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setValue(next);
    },
    close: () => {
      setValue(null);
      const element = opener.current;
      // After the dialog has gone (and its own focus handling has run).
      setTimeout(() => {
        if (element?.isConnected) element.focus();
      }, 0);
    },
  };
}

/**
 * The document's title while the page is shown: the page's own name first (what a tab strip, the
 * history list and a screen reader announcing the new page show), then the product's.
 */
export function useDocumentTitle(title: string | null) {
  const intl = useIntl();
  const full = title === null ? null : intl.formatMessage({ id: 'web.documentTitle' }, { page: title });
  useEffect(() => {
    if (!full) return;
    const previous = document.title;
    document.title = full;
    return () => {
      document.title = previous;
    };
  }, [full]);
}
