import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

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
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" style={{ margin: 16 }}>
        <MessageBarBody>
          <FormattedMessage id="web.pageLoadFailed" />
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => window.location.reload()}>
            <FormattedMessage id="web.retry" />
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
