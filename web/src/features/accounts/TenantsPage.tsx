import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  Spinner,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { useApiMutation, useApiList, useApiQuery } from '../../api/queries.ts';
import { ErrorMessage, fieldValidation } from '../../app/ErrorMessage.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useSession, useSignedIn } from '../../app/session.tsx';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { TENANTS_READS } from './account-reads.ts';
import { SettingsFrame } from './SettingsFrame.tsx';
import type { AccountTenant } from './types.ts';

/**
 * Settings > Account settings > Tenants: the associated tenants (Remove as the
 * server's abilities allow, after a confirmation naming who loses access), and
 * the seed's "Associate another tenant" with the credentials of any user of that tenant.
 */
export function TenantsPage() {
  const intl = useIntl();
  const tables = useTableStyles();
  const me = useSignedIn();
  const tenantList = useApiList('/api/v1/account/tenants');
  const tenants = tenantList.data?.items;
  const [associating, setAssociating] = useState(false);
  const [associated, setAssociated] = useState<AccountTenant | null>(null);
  // Remove asks first (RemoveTenantDialog); when it closes, focus goes back to that tenant's Remove
  // button, or to the list's heading when the tenant is gone.
  const [removing, setRemoving] = useState<AccountTenant | null>(null);
  const [removed, setRemoved] = useState<AccountTenant | null>(null);
  const [refocus, setRefocus] = useState<{ tenantId: string } | null>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!refocus) return;
    // After the dialog has gone (and its own focus handling has run).
    const timer = setTimeout(() => {
      const button = removeButtons.current.get(refocus.tenantId);
      if (button?.isConnected) button.focus();
      else heading.current?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [refocus, tenants]);
  const closeRemoval = (tenant: AccountTenant, gone: boolean) => {
    setRemoving(null);
    if (gone) setRemoved(tenant);
    setRefocus({ tenantId: tenant.id });
  };

  return (
    <SettingsFrame error={tenantList.error} loading={!tenants}>
      {associated && <AssociatedNotice tenant={associated} />}
      {removed && (
        <MessageBar intent="success" role="status" data-testid="removed-notice">
          <MessageBarBody>
            <FormattedMessage id="tenants.removed" values={{ domain: removed.domain }} />
          </MessageBarBody>
        </MessageBar>
      )}
      {tenants && (
        <>
          <h2 ref={heading} tabIndex={-1} id="tenant-list-heading" style={{ margin: 0 }}>
            <Title3>
              <FormattedMessage id="tenants.listTitle" />
            </Title3>
          </h2>
          <TableScroll label={intl.formatMessage({ id: 'tenants.listTitle' })}>
          <Table aria-labelledby="tenant-list-heading" className={tables.autoLayout}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>
                    <FormattedMessage id="tenants.domain" />
                  </TableHeaderCell>
                  <TableHeaderCell>
                    <FormattedMessage id="tenants.name" />
                  </TableHeaderCell>
                  <TableHeaderCell>
                    <FormattedMessage id="tenants.associatedAt" />
                  </TableHeaderCell>
                  <TableHeaderCell>
                    <FormattedMessage id="users.actions" />
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tenants.map((tenant) => (
                  <TableRow key={tenant.id} data-testid={`tenant-${tenant.domain}`}>
                    <TableCell>
                      {tenant.domain}{' '}
                      {tenant.isPrimary && (
                        <Badge appearance="tint">
                          <FormattedMessage id="tenants.primary" />
                        </Badge>
                      )}
                      {tenant.id === me.user.tenantId && (
                        <Badge appearance="outline">
                          <FormattedMessage id="tenants.current" />
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell>{tenant.displayName}</TableCell>
                    <TableCell>
                      {tenant.associatedAt && <FormattedDate value={tenant.associatedAt} dateStyle="medium" timeStyle="short" />}
                    </TableCell>
                    <TableCell>
                      {tenant.abilities.remove && (
                        <Button
                          size="small"
                          ref={(button: HTMLButtonElement | null) => {
                            if (button) removeButtons.current.set(tenant.id, button);
                            else removeButtons.current.delete(tenant.id);
                          }}
                          onClick={() => {
                            setRemoved(null);
                            setRemoving(tenant);
                          }}
                          aria-label={intl.formatMessage({ id: 'tenants.removeTenant' }, { domain: tenant.domain })}
                        >
                          <FormattedMessage id="users.remove" />
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          {associating ? (
            <AssociateTenantForm
              onCancel={() => setAssociating(false)}
              onAssociated={(tenant) => {
                setAssociating(false);
                setAssociated(tenant);
              }}
            />
          ) : (
            tenantList.data?.abilities.associateTenant && (
              <div>
                <Button appearance="primary" onClick={() => setAssociating(true)}>
                  <FormattedMessage id="tenants.associate" />
                </Button>
              </div>
            )
          )}
        </>
      )}
      {removing && (
        <RemoveTenantDialog tenant={removing} onCancel={() => closeRemoval(removing, false)} onRemoved={() => closeRemoval(removing, true)} />
      )}
    </SettingsFrame>
  );
}

/**
 * Remove asks first: the server says what the removal would do (GET .../removal, from the same rules
 * as the removal): every user of the tenant loses access to the account, named (the account's own
 * additions there are deleted), and a warning when the marketing contact is one of them.
 */
function RemoveTenantDialog({ tenant, onCancel, onRemoved }: { tenant: AccountTenant; onCancel: () => void; onRemoved: () => void }) {
  const intl = useIntl();
  const preview = useApiQuery('/api/v1/account/tenants/{id}/removal', { params: { path: { id: tenant.id } } });
  const remove = useApiMutation('delete', '/api/v1/account/tenants/{id}', { invalidates: TENANTS_READS });
  const { error, busy, submit } = useFormSubmit(() => remove.mutateAsync({ params: { path: { id: tenant.id } } }), { onDone: onRemoved });
  // What the server said for this tenant (a cached answer for another is never shown).
  const impact = preview.data?.tenant.id === tenant.id ? preview.data : undefined;
  const more = impact ? impact.userCount - impact.users.length : 0;
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'tenants.removeTitle' }, { domain: tenant.domain })}
      submitLabel={intl.formatMessage({ id: 'tenants.removeSubmit' })}
      onClose={onCancel}
      onSubmit={submit}
      error={error ?? preview.error}
      busy={busy}
      canSubmit={impact !== undefined}
    >
      {!impact && !preview.error && <Spinner size="small" label={intl.formatMessage({ id: 'web.loading' })} />}
      {impact && (
        <div data-testid="tenant-removal" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <Text as="p" style={{ margin: 0 }}>
            <FormattedMessage id="tenants.removeUsers" values={{ count: impact.userCount, domain: tenant.domain }} />
          </Text>
          {impact.users.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="tenant-removal-users">
              {impact.users.map((user) => (
                <li key={user.id}>
                  {user.displayName} ({user.username})
                  {user.addedByAccount && (
                    <>
                      {' '}
                      <Badge appearance="tint" color="danger">
                        <FormattedMessage id="tenants.removeDeleted" />
                      </Badge>
                    </>
                  )}
                </li>
              ))}
              {more > 0 && (
                <li>
                  <FormattedMessage id="tenants.removeMore" values={{ count: more }} />
                </li>
              )}
            </ul>
          )}
          {impact.userCount > 0 && (
            <Text as="p" style={{ margin: 0 }}>
              <FormattedMessage id="tenants.removeOwnUsers" values={{ domain: tenant.domain }} />
            </Text>
          )}
          {impact.marketingContact && (
            <MessageBar intent="warning" data-testid="tenant-removal-contact">
              <MessageBarBody>
                <MessageBarTitle>
                  <FormattedMessage id="tenants.removeContactTitle" />
                </MessageBarTitle>
                <FormattedMessage id="tenants.removeContact" values={{ name: impact.marketingContact.displayName }} />
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </FormDialog>
  );
}

function AssociateTenantForm({
  onCancel,
  onAssociated,
}: {
  onCancel: () => void;
  onAssociated: (tenant: AccountTenant) => void;
}) {
  const intl = useIntl();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  const associate = useApiMutation('post', '/api/v1/account/tenants', { invalidates: TENANTS_READS });
  const { error, busy, submit } = useFormSubmit(() => associate.mutateAsync({ body: { username, password } }), {
    onDone: onAssociated,
    // The other tenant's password is never kept on screen after a refusal.
    onFailed: () => setPassword(''),
  });

  return (
    <Card>
      <form noValidate onSubmit={submit} style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 480 }}>
        <Title3 as="h2">
          <FormattedMessage id="tenants.associate" />
        </Title3>
        <Text as="p">
          <FormattedMessage id="tenants.associateIntro" />
        </Text>
        <ErrorMessage error={error} />
        <Field
          label={intl.formatMessage({ id: 'tenants.associateUsername' })}
          hint={intl.formatMessage({ id: 'signIn.usernameHint' })}
          required
          {...fieldValidation(error, 'username')}
        >
          <Input ref={firstField} name="associate-username" autoComplete="off" value={username} onChange={(_, data) => setUsername(data.value)} />
        </Field>
        <Field label={intl.formatMessage({ id: 'signIn.password' })} required {...fieldValidation(error, 'password')}>
          <Input name="associate-password" type="password" autoComplete="off" value={password} onChange={(_, data) => setPassword(data.value)} />
        </Field>
        <div style={{ display: 'flex', gap: 8 }}>
          {/* Sendable empty too: the server then says which fields are required, all at once. */}
          <Button appearance="primary" type="submit" disabled={busy}>
            <FormattedMessage id="tenants.submit" />
          </Button>
          <Button onClick={onCancel}>
            <FormattedMessage id="web.cancel" />
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** The seed's steps 5 and 6: sign out, sign in with the tenant just associated. */
function AssociatedNotice({ tenant }: { tenant: AccountTenant }) {
  const { signOut } = useSession();
  const navigate = useNavigate();
  return (
    <MessageBar intent="success" role="status" data-testid="associated-notice">
      <MessageBarBody>
        <MessageBarTitle>
          <FormattedMessage id="tenants.associatedTitle" values={{ domain: tenant.domain }} />
        </MessageBarTitle>
        <FormattedMessage id="tenants.associatedNext" values={{ domain: tenant.domain }} />
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => void signOut().then(() => navigate('/sign-in'))}>
          <FormattedMessage id="shell.signOut" />
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
