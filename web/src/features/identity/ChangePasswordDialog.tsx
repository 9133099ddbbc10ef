import { Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiMutation } from '../../api/queries.ts';
import { fieldValidation } from '../../app/ErrorMessage.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';

/** The user menu's Change password: the current password, a new one; the user's other sessions end. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const intl = useIntl();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState(false);
  const change = useApiMutation('post', '/api/v1/me/password', { invalidates: [] });
  const { error, busy, submit } = useFormSubmit(() => change.mutateAsync({ body: { currentPassword, newPassword } }), {
    onDone: () => setDone(true),
  });
  if (done) {
    return (
      <FormDialog
        title={intl.formatMessage({ id: 'password.change' })}
        submitLabel={intl.formatMessage({ id: 'web.close' })}
        onClose={onClose}
        onSubmit={(event) => {
          event.preventDefault();
          onClose();
        }}
        error={null}
        busy={false}
      >
        <Text as="p" role="status">
          <FormattedMessage id="password.changed" />
        </Text>
      </FormDialog>
    );
  }
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'password.change' })}
      submitLabel={intl.formatMessage({ id: 'password.changeSubmit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Field label={intl.formatMessage({ id: 'password.current' })} required {...fieldValidation(error, 'currentPassword')}>
        <Input name="currentPassword" type="password" autoComplete="current-password" value={currentPassword} onChange={(_, data) => setCurrent(data.value)} />
      </Field>
      <Field label={intl.formatMessage({ id: 'password.new' })} hint={intl.formatMessage({ id: 'password.hint' })} required {...fieldValidation(error, 'newPassword')}>
        <Input name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={(_, data) => setNew(data.value)} />
      </Field>
    </FormDialog>
  );
}
