import { makeStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  // The table scrolls inside its card on a narrow screen; the page itself never scrolls sideways.
  scroll: { overflowX: 'auto', maxWidth: '100%', ':focus-visible': { outline: '2px solid', outlineOffset: '2px' } },
});

/** What the portal's tables share: columns as wide as their content asks (not evenly split), cells kept on one line. */
export const useTableStyles = makeStyles({
  autoLayout: { tableLayout: 'auto' },
  /** A column of names with descriptions under them: the room the dates and figures beside it leave. */
  leadColumn: { width: '45%', minWidth: '220px' },
  nowrap: { whiteSpace: 'nowrap' },
});

/**
 * A table's box: on a screen too narrow for its columns it scrolls sideways by itself, and only then
 * is it a tab stop (named for a screen reader), so a keyboard user can scroll it with the arrow keys.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // Measured when the observer first reports (after the browser's own layout), not here: reading
    // scrollWidth while rendering forces a layout of the whole page in the middle of it.
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className={styles.scroll} {...(overflowing ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}
