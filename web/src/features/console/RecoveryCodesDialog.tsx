import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CopyButton } from './CopyButton.tsx';

const useStyles = makeStyles({
  codes: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, columns: '2', margin: 0, paddingLeft: '24px' },
});

/**
 * The ten recovery codes, shown once after enrollment (issue #14). A modal the operator closes by saying
 * they are stored (Escape does not lose them unseen: the only way out is that button).
 */
export function RecoveryCodesDialog({ codes, onDone }: { codes: string[] | null; onDone: () => void }) {
  const intl = useIntl();
  const styles = useStyles();
  // Kept while the dialog closes, so its content does not empty under the closing animation.
  const [shown, setShown] = useState(codes);
  if (codes && codes !== shown) setShown(codes);
  // Closed by `open` (always mounted), handing focus to the page: what had it before (the sign-in form's
  // button) is gone, and until focus lands outside it, Fluent's modal keeps the page aria-hidden.
  const done = () => {
    onDone();
    setTimeout(() => document.getElementById('main')?.focus(), 0);
  };
  return (
    <Dialog open={codes !== null} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            <FormattedMessage id="console.recovery.title" />
          </DialogTitle>
          <DialogContent>
            <p>
              <FormattedMessage id="console.recovery.intro" />
            </p>
            <ol className={styles.codes} data-testid="recovery-codes">
              {(shown ?? []).map((code) => (
                <li key={code}>{code}</li>
              ))}
            </ol>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={done}>
              <FormattedMessage id="console.recovery.done" />
            </Button>
            <CopyButton text={(shown ?? []).join('\n')} label={intl.formatMessage({ id: 'console.recovery.copy' })} copiedLabel={intl.formatMessage({ id: 'console.recovery.copied' })} />
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
