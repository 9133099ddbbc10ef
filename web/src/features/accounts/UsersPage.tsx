import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Add24Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client.ts';
import type { paths } from '../../api/schema.gen.ts';
import { useSession, useSignedIn } from '../../app/session.tsx';
import { AddUserDialog, ChangeRolesDialog, RemoveUserDialog } from './UserDialogs.tsx';
import { RoleBadges } from './RoleBadges.tsx';
import { SettingsFrame } from './SettingsFrame.tsx';

export type AccountUser = paths['/api/v1/account/users']['get']['responses'][200]['content']['application/json']['items'][number];
export type AccountTenant = paths['/api/v1/account/tenants']['get']['responses'][200]['content']['application/json']['items'][number];

/** Settings > Account settings > Users: every tenant's users, for Global and Account admins. */
export function UsersPage() {
  const intl = useIntl();
  const me = useSignedIn();
  const { locale } = useSession();
  const [users, setUsers] = useState<AccountUser[] | null>(null);
  const [tenants, setTenants] = useState<AccountTenant[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'roles' | 'remove'; user: AccountUser } | null>(null);

  const load = useCallback(async () => {
    try {
      // Users first: when the caller may not manage users, that is the refusal to show.
      const userList = await call(api.GET('/api/v1/account/users'));
      const tenantList = await call(api.GET('/api/v1/account/tenants'));
      setUsers(userList.items);
      setTenants(tenantList.items);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, locale]);

  return (
    <SettingsFrame error={error} loading={!users}>
      {users && (
        <>
          <div>
            <Button appearance="primary" icon={<Add24Regular />} onClick={() => setDialog({ kind: 'add' })}>
              <FormattedMessage id="users.add" />
            </Button>
          </div>
          <Table aria-label={intl.formatMessage({ id: 'settings.users' })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>
                  <FormattedMessage id="users.name" />
                </TableHeaderCell>
                <TableHeaderCell>
                  <FormattedMessage id="users.username" />
                </TableHeaderCell>
                <TableHeaderCell>
                  <FormattedMessage id="users.tenant" />
                </TableHeaderCell>
                <TableHeaderCell>
                  <FormattedMessage id="users.roles" />
                </TableHeaderCell>
                <TableHeaderCell>
                  <FormattedMessage id="users.actions" />
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((user) => (
                <TableRow key={user.id} data-testid={`user-${user.username}`}>
                  <TableCell>{user.displayName}</TableCell>
                  <TableCell>{user.username}</TableCell>
                  <TableCell>{user.tenantDomain}</TableCell>
                  <TableCell>
                    <RoleBadges roles={user.roles} />
                  </TableCell>
                  <TableCell>
                    <span style={{ display: 'inline-flex', gap: 8 }}>
                      <Button
                        size="small"
                        onClick={() => setDialog({ kind: 'roles', user })}
                        aria-label={intl.formatMessage({ id: 'users.changeRolesOf' }, { name: user.displayName })}
                      >
                        <FormattedMessage id="users.changeRoles" />
                      </Button>
                      {user.id !== me.user.id && (
                        <Button
                          size="small"
                          onClick={() => setDialog({ kind: 'remove', user })}
                          aria-label={intl.formatMessage({ id: 'users.removeUser' }, { name: user.displayName })}
                        >
                          <FormattedMessage id="users.remove" />
                        </Button>
                      )}
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {dialog?.kind === 'add' && <AddUserDialog tenants={tenants} onClose={() => setDialog(null)} onDone={load} />}
      {dialog?.kind === 'roles' && <ChangeRolesDialog user={dialog.user} onClose={() => setDialog(null)} onDone={load} />}
      {dialog?.kind === 'remove' && <RemoveUserDialog user={dialog.user} onClose={() => setDialog(null)} onDone={load} />}
    </SettingsFrame>
  );
}
