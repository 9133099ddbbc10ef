import { Button, tokens } from '@fluentui/react-components';
import { ErrorCircle20Filled } from '@fluentui/react-icons';
import { Component, type CSSProperties, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

// Drawn as Fluent's error message bar looks, from its tokens in plain style objects: this is in every
// page's first load (the sign-in page's included) and shown only when a page's code failed, so the
// MessageBar's code does not come along for it.
const bar: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  flexWrap: 'wrap',
  columnGap: tokens.spacingHorizontalM,
  rowGap: tokens.spacingVerticalS,
  margin: tokens.spacingHorizontalL,
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorStatusDangerBackground1,
  color: tokens.colorNeutralForeground1,
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase300,
  lineHeight: tokens.lineHeightBase300,
};
const icon: CSSProperties = { color: tokens.colorStatusDangerForeground1, flexShrink: 0 };
const text: CSSProperties = { flexGrow: 1, minWidth: 0 };

function PageLoadFailed() {
  return (
    <div role="alert" style={bar}>
      <ErrorCircle20Filled style={icon} aria-hidden />
      <span style={text}>
        <FormattedMessage id="web.pageLoadFailed" />
      </span>
      <Button onClick={() => window.location.reload()}>
        <FormattedMessage id="web.retry" />
      </Button>
    </div>
  );
}

/**
 * A page whose code could not be fetched (the connection dropped; a deploy replaced the files the
 * open tab knew) says so with a way out, rather than leaving the screen blank. Reloading fetches
 * the new index.html (never cached), which names the current files.
 */
export class LazyBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}
