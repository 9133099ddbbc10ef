import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { ErrorMessage } from './ErrorMessage.tsx';

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
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={onSubmit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
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
