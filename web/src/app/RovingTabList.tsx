import { Tab, TabList, useTabListContext_unstable, type TabListProps, type TabProps } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';

// Tabster's arrow-key group (what TabList sets up) guards its edges with focusable stand-ins hidden
// from screen readers (aria-hidden <i tabindex="0">), which accessibility checkers report as hidden
// focusable content (microsoft/tabster#288). Here tabster is told to leave the list alone, and the
// list moves focus itself, as the ARIA tabs pattern says: one tab in the Tab order (the selected one),
// the arrow keys (round the ends) and Home and End between them, Enter or Space to choose.
const UNCONTROLLED = JSON.stringify({ uncontrolled: {} });
const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Fluent's TabList with its keyboard handling of its own (see above); its tabs are RovingTabs. */
export function RovingTabList(props: TabListProps) {
  const { onKeyDown, vertical } = props;
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not([disabled]):not([aria-disabled="true"])')];
    const current = tabs.findIndex((tab) => tab.contains(event.target as Node));
    if (current < 0) return;
    const along = vertical ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
    let target: number;
    if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = tabs.length - 1;
    else if (along.includes(event.key)) {
      const rtl = !vertical && getComputedStyle(event.currentTarget).direction === 'rtl';
      target = (current + NEXT[event.key]! * (rtl ? -1 : 1) + tabs.length) % tabs.length;
    } else return;
    event.preventDefault();
    tabs[target]?.focus();
  };
  return <TabList {...props} data-tabster={UNCONTROLLED} onKeyDown={move} />;
}

/** A tab of a RovingTabList: in the Tab order only while it is the selected one. */
export function RovingTab(props: TabProps) {
  const selected = useTabListContext_unstable((context) => context.selectedValue);
  return <Tab tabIndex={props.value === selected ? 0 : -1} {...props} />;
}
