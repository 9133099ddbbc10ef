import { Field, Input, Select, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiMutation } from '../../api/queries.ts';
import { fieldError, fieldValidation } from '../../app/ErrorMessage.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import type { Role } from '../../app/session.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { USERS_READS } from './account-reads.ts';
import { RolePicker } from './RoleBadges.tsx';
import type { AccountTenant, AccountUser } from './types.ts';

interface DialogProps {
  onClose: () => void;
}

/** A user's name and contact email, each with its problem from the refusal (adding and editing a user). */
function NameAndEmail({
  error,
  displayName,
  email,
  onDisplayName,
  onEmail,
}: {
  error: unknown;
  displayName: string;
  email: string;
  onDisplayName: (value: string) => void;
  onEmail: (value: string) => void;
}) {
  const intl = useIntl();
  return (
    <>
      <Field label={intl.formatMessage({ id: 'users.name' })} required {...fieldValidation(error, 'displayName')}>
        <Input name="displayName" value={displayName} onChange={(_, data) => onDisplayName(data.value)} />
      </Field>
      <Field label={intl.formatMessage({ id: 'users.email' })} required {...fieldValidation(error, 'email')}>
        <Input name="email" type="email" value={email} onChange={(_, data) => onEmail(data.value)} />
      </Field>
    </>
  );
}

// No admin role chosen is sent as none: the server gives such a user the plain 'user' role.

export function AddUserDialog({ tenants, onClose }: DialogProps & { tenants: AccountTenant[] }) {
  const intl = useIntl();
  const [tenantId, setTenantId] = useState(tenants[0]?.id ?? '');
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const tenant = tenants.find((each) => each.id === tenantId);
  const domain = tenant?.domain ?? '';
  // The roles the caller may give depend on the tenant (Global admin only in their own): the server says which.
  const grantable = tenant?.abilities.grantableRoles ?? [];
  const addUser = useApiMutation('post', '/api/v1/account/users', { invalidates: USERS_READS });
  const { error, busy, submit } = useFormSubmit(
    () => addUser.mutateAsync({ body: { tenantId, username: name, displayName, email, password, roles } }),
    { onDone: onClose },
  );
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'users.add' })}
      submitLabel={intl.formatMessage({ id: 'users.addSubmit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Field label={intl.formatMessage({ id: 'users.tenant' })} required {...fieldValidation(error, 'tenantId')}>
        <Select
          value={tenantId}
          onChange={(_, data) => {
            setTenantId(data.value);
            const allowed = tenants.find((each) => each.id === data.value)?.abilities.grantableRoles ?? [];
            setRoles((chosen) => chosen.filter((role) => allowed.includes(role)));
          }}
        >
          {tenants.map((each) => (
            <option key={each.id} value={each.id}>
              {each.domain}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={intl.formatMessage({ id: 'users.username' })} required {...fieldValidation(error, 'username')}>
        <Input
          name="username"
          value={name}
          onChange={(_, data) => setName(data.value)}
          contentAfter={<Text size={200}>@{domain}</Text>}
        />
      </Field>
      <NameAndEmail error={error} displayName={displayName} email={email} onDisplayName={setDisplayName} onEmail={setEmail} />
      <Field
        label={intl.formatMessage({ id: 'users.password' })}
        hint={intl.formatMessage({ id: 'users.passwordHint' })}
        required
        {...fieldValidation(error, 'password')}
      >
        <Input name="password" type="password" autoComplete="new-password" value={password} onChange={(_, data) => setPassword(data.value)} />
      </Field>
      <RolePicker value={roles} grantable={grantable} onChange={setRoles} error={fieldError(error, 'roles')} />
    </FormDialog>
  );
}

/** A dialog that changes one user (PATCH): what it sends, and its fields, shown with the refusal's field problems. */
function ChangeUserDialog({
  user,
  title,
  changes,
  onClose,
  children,
}: DialogProps & { user: AccountUser; title: string; changes: () => { roles?: Role[]; displayName?: string; email?: string }; children: (error: unknown) => ReactNode }) {
  const intl = useIntl();
  const changeUser = useApiMutation('patch', '/api/v1/account/users/{id}', { invalidates: USERS_READS });
  const { error, busy, submit } = useFormSubmit(() => changeUser.mutateAsync({ params: { path: { id: user.id } }, body: changes() }), { onDone: onClose });
  return (
    <FormDialog title={title} submitLabel={intl.formatMessage({ id: 'web.save' })} onClose={onClose} onSubmit={submit} error={error} busy={busy}>
      {children(error)}
    </FormDialog>
  );
}

/** The user's name and contact email (abilities.update): both sent, each field's problem shown on it. */
export function EditUserDialog({ user, onClose }: DialogProps & { user: AccountUser }) {
  const intl = useIntl();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email);
  return (
    <ChangeUserDialog user={user} title={intl.formatMessage({ id: 'users.editOf' }, { name: user.displayName })} changes={() => ({ displayName, email })} onClose={onClose}>
      {(error) => (
        <>
          <Text as="p">{user.username}</Text>
          <NameAndEmail error={error} displayName={displayName} email={email} onDisplayName={setDisplayName} onEmail={setEmail} />
        </>
      )}
    </ChangeUserDialog>
  );
}

export function ChangeRolesDialog({ user, onClose }: DialogProps & { user: AccountUser }) {
  const intl = useIntl();
  const [roles, setRoles] = useState<Role[]>(user.roles.filter((role) => role !== 'user'));
  return (
    <ChangeUserDialog user={user} title={intl.formatMessage({ id: 'users.changeRolesOf' }, { name: user.displayName })} changes={() => ({ roles })} onClose={onClose}>
      {(error) => <RolePicker value={roles} grantable={user.abilities.grantableRoles} onChange={setRoles} error={fieldError(error, 'roles')} />}
    </ChangeUserDialog>
  );
}

export function RemoveUserDialog({ user, onClose }: DialogProps & { user: AccountUser }) {
  const intl = useIntl();
  const removeUser = useApiMutation('delete', '/api/v1/account/users/{id}', { invalidates: USERS_READS });
  const { error, busy, submit } = useFormSubmit(() => removeUser.mutateAsync({ params: { path: { id: user.id } } }), {
    onDone: onClose,
  });
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'users.removeUser' }, { name: user.displayName })}
      submitLabel={intl.formatMessage({ id: 'users.remove' })}
      onClose={onClose}
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

export function ResetPasswordDialog({ user, onClose }: DialogProps & { user: AccountUser }) {
  const intl = useIntl();
  const [password, setPassword] = useState('');
  const reset = useApiMutation('post', '/api/v1/account/users/{id}/password', { invalidates: [] });
  const { error, busy, submit } = useFormSubmit(() => reset.mutateAsync({ params: { path: { id: user.id } }, body: { password } }), {
    onDone: onClose,
  });
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'users.resetPasswordOf' }, { name: user.displayName })}
      submitLabel={intl.formatMessage({ id: 'users.resetPasswordSubmit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Text as="p">
        <FormattedMessage id="users.resetPasswordExplained" values={{ username: user.username }} />
      </Text>
      <Field label={intl.formatMessage({ id: 'password.new' })} hint={intl.formatMessage({ id: 'password.hint' })} required {...fieldValidation(error, 'password')}>
        <Input name="password" type="password" autoComplete="new-password" value={password} onChange={(_, data) => setPassword(data.value)} />
      </Field>
    </FormDialog>
  );
}
