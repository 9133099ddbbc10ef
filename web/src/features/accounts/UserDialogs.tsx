import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Text,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client.ts';
import { ErrorMessage, fieldError } from '../../app/ErrorMessage.tsx';
import type { Role } from '../../app/session.tsx';
import { RolePicker } from './RoleBadges.tsx';
import type { AccountTenant, AccountUser } from './UsersPage.tsx';

interface DialogProps {
  onClose: () => void;
  onDone: () => Promise<void>;
}

/** A modal form: the API's errors in place, closed only when the change succeeded. */
function FormDialog({
  title,
  submitLabel,
  onClose,
  onSubmit,
  error,
  busy,
  children,
}: {
  title: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  error: unknown;
  busy: boolean;
  children: ReactNode;
}) {
  const intl = useIntl();
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void onSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              <ErrorMessage error={error} />
              {children}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                {submitLabel}
              </Button>
              <Button onClick={onClose}>{intl.formatMessage({ id: 'web.cancel' })}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function useSubmit(action: () => Promise<unknown>, { onClose, onDone }: DialogProps) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return {
    error,
    busy,
    submit: async () => {
      setBusy(true);
      setError(null);
      try {
        await action();
        await onDone();
        onClose();
      } catch (failure) {
        setError(failure);
        setBusy(false);
      }
    },
  };
}

export function AddUserDialog({ tenants, ...props }: DialogProps & { tenants: AccountTenant[] }) {
  const intl = useIntl();
  const [tenantId, setTenantId] = useState(tenants[0]?.id ?? '');
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const domain = tenants.find((tenant) => tenant.id === tenantId)?.domain ?? '';
  const { error, busy, submit } = useSubmit(
    () =>
      call(
        api.POST('/api/v1/account/users', {
          body: { tenantId, username: name, displayName, email, password, roles: roles.length > 0 ? roles : ['user'] },
        }),
      ),
    props,
  );
  const field = (name: string) => {
    const message = fieldError(error, name);
    return { validationMessage: message, validationState: message ? ('error' as const) : ('none' as const) };
  };
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'users.add' })}
      submitLabel={intl.formatMessage({ id: 'users.addSubmit' })}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Field label={intl.formatMessage({ id: 'users.tenant' })} required {...field('tenantId')}>
        <Select value={tenantId} onChange={(_, data) => setTenantId(data.value)}>
          {tenants.map((tenant) => (
            <option key={tenant.id} value={tenant.id}>
              {tenant.domain}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={intl.formatMessage({ id: 'users.username' })} required {...field('username')}>
        <Input
          name="username"
          value={name}
          onChange={(_, data) => setName(data.value)}
          contentAfter={<Text size={200}>@{domain}</Text>}
        />
      </Field>
      <Field label={intl.formatMessage({ id: 'users.name' })} required {...field('displayName')}>
        <Input name="displayName" value={displayName} onChange={(_, data) => setDisplayName(data.value)} />
      </Field>
      <Field label={intl.formatMessage({ id: 'users.email' })} required {...field('email')}>
        <Input name="email" type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
      </Field>
      <Field
        label={intl.formatMessage({ id: 'users.password' })}
        hint={intl.formatMessage({ id: 'users.passwordHint' })}
        required
        {...field('password')}
      >
        <Input name="password" type="password" autoComplete="new-password" value={password} onChange={(_, data) => setPassword(data.value)} />
      </Field>
      <RolePicker value={roles} onChange={setRoles} error={fieldError(error, 'roles')} />
    </FormDialog>
  );
}

export function ChangeRolesDialog({ user, ...props }: DialogProps & { user: AccountUser }) {
  const intl = useIntl();
  const [roles, setRoles] = useState<Role[]>(user.roles.filter((role) => role !== 'user'));
  const { error, busy, submit } = useSubmit(
    () =>
      call(
        api.PATCH('/api/v1/account/users/{id}', {
          params: { path: { id: user.id } },
          body: { roles: roles.length > 0 ? roles : ['user'] },
        }),
      ),
    props,
  );
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'users.changeRolesOf' }, { name: user.displayName })}
      submitLabel={intl.formatMessage({ id: 'web.save' })}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <RolePicker value={roles} onChange={setRoles} error={fieldError(error, 'roles')} />
    </FormDialog>
  );
}

export function RemoveUserDialog({ user, ...props }: DialogProps & { user: AccountUser }) {
  const intl = useIntl();
  const { error, busy, submit } = useSubmit(
    () => call(api.DELETE('/api/v1/account/users/{id}', { params: { path: { id: user.id } } })),
    props,
  );
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'users.removeUser' }, { name: user.displayName })}
      submitLabel={intl.formatMessage({ id: 'users.remove' })}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Text as="p">
        <FormattedMessage id="users.removeConfirm" values={{ username: user.username }} />
      </Text>
    </FormDialog>
  );
}
