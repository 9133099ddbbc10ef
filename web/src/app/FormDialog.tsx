import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { ErrorMessage } from './ErrorMessage.tsx';

const useStyles = makeStyles({
  // On a phone the dialog takes the whole width (Fluent's keeps a margin) and scrolls inside itself.
  surface: {
    '@media (max-width: 767px)': { width: '100vw', maxWidth: '100vw', maxHeight: '100dvh', boxSizing: 'border-box', borderRadius: 0 },
  },
  content: { display: 'flex', flexDirection: 'column', gap: '12px' },
});

/**
 * Hands focus back, when the dialog goes, to what had it when the dialog came (the button that
 * opened it), so a keyboard user goes on from where they were. Read while rendering, before the
 * dialog's own effects move focus into it; a caller whose opener may be gone by then focuses
 * something else itself.
 */
function useFocusReturn() {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      setTimeout(() => {
        if (opener?.isConnected && !opener.closest('[inert]')) opener.focus();
      }, 0);
    },
    [opener],
  );
}

/**
 * A modal form: the API's refusal above the fields, the submit button first
 * and Cancel beside it. Escape and Cancel close it; otherwise it stays open
 * until the caller closes it on success, so a refusal is shown in place.
 */
export function FormDialog({
  title,
  submitLabel,
  onClose,
  onSubmit,
  error,
  busy,
  canSubmit = true,
  closeLabel,
  children,
}: {
  title: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  error: unknown;
  busy: boolean;
  /** False while the form lacks what it needs to be sent at all (say, no user to choose yet). */
  canSubmit?: boolean;
  /** The closing button's label, when "Cancel" would be ambiguous (a dialog that cancels something). */
  closeLabel?: string;
  children: ReactNode;
}) {
  const intl = useIntl();
  const styles = useStyles();
  useFocusReturn();
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <form noValidate onSubmit={onSubmit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              <ErrorMessage error={error} />
              {children}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || !canSubmit}>
                {submitLabel}
              </Button>
              <Button onClick={onClose}>{closeLabel ?? intl.formatMessage({ id: 'web.cancel' })}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
