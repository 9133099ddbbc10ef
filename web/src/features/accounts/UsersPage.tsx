import {
  Button,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Add24Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { useApiList } from '../../api/queries.ts';
import { RoleBadges } from './RoleBadges.tsx';
import { SettingsFrame } from './SettingsFrame.tsx';
import type { AccountUser } from './types.ts';
import { AddUserDialog, ChangeRolesDialog, EditUserDialog, RemoveUserDialog, ResetPasswordDialog } from './UserDialogs.tsx';

/**
 * Settings > Account settings > Users: every tenant's users, for Global and Account admins. Each row
 * offers only what the server says the caller may do with that user (its `abilities`, from the same
 * policy the server enforces): an Account admin is not offered Remove on a Global admin.
 */
export function UsersPage() {
  const intl = useIntl();
  const tables = useTableStyles();
  const userList = useApiList('/api/v1/account/users');
  const tenantList = useApiList('/api/v1/account/tenants');
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'edit' | 'roles' | 'remove' | 'password'; user: AccountUser } | null>(null);
  // The page needs both lists (the add dialog offers the tenants); the users' refusal comes
  // first, since when the caller may not manage users that is the reason to show.
  const users = tenantList.data && userList.data?.items;
  const tenants = tenantList.data?.items ?? [];
  const error = userList.error ?? tenantList.error;
  // What the caller may do comes with the lists (the server's policy); the page re-derives no rule.
  const abilities = userList.data?.abilities;

  return (
    <SettingsFrame error={error} loading={!users}>
      {users && (
        <>
          {abilities?.addUser && (
            <div>
              <Button appearance="primary" icon={<Add24Regular />} onClick={() => setDialog({ kind: 'add' })}>
                <FormattedMessage id="users.add" />
              </Button>
            </div>
          )}
          <TableScroll label={intl.formatMessage({ id: 'settings.users' })}>
          <Table aria-label={intl.formatMessage({ id: 'settings.users' })} className={tables.autoLayout}>
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
                  <TableCell>
                    {user.tenantDomain}
                    {user.addedByAccount && (
                      <Caption1 block>
                        <FormattedMessage id="users.addedByAccount" />
                      </Caption1>
                    )}
                  </TableCell>
                  <TableCell>
                    <RoleBadges roles={user.roles} />
                  </TableCell>
                  <TableCell>
                    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8, minWidth: 220 }}>
                      {user.abilities.update && (
                        <Button
                          size="small"
                          onClick={() => setDialog({ kind: 'edit', user })}
                          aria-label={intl.formatMessage({ id: 'users.editOf' }, { name: user.displayName })}
                        >
                          <FormattedMessage id="users.edit" />
                        </Button>
                      )}
                      {user.abilities.changeRoles && (
                        <Button
                          size="small"
                          onClick={() => setDialog({ kind: 'roles', user })}
                          aria-label={intl.formatMessage({ id: 'users.changeRolesOf' }, { name: user.displayName })}
                        >
                          <FormattedMessage id="users.changeRoles" />
                        </Button>
                      )}
                      {user.abilities.resetPassword && (
                        <Button
                          size="small"
                          onClick={() => setDialog({ kind: 'password', user })}
                          aria-label={intl.formatMessage({ id: 'users.resetPasswordOf' }, { name: user.displayName })}
                        >
                          <FormattedMessage id="users.resetPassword" />
                        </Button>
                      )}
                      {user.abilities.remove && (
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
          </TableScroll>
        </>
      )}
      {dialog?.kind === 'add' && <AddUserDialog tenants={tenants} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'roles' && <ChangeRolesDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'remove' && <RemoveUserDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </SettingsFrame>
  );
}
