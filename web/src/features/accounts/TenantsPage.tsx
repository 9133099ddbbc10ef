import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  MessageBar,
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
import { useApiMutation, useApiList } from '../../api/queries.ts';
import { ErrorMessage, fieldError } from '../../app/ErrorMessage.tsx';
import { useSession, useSignedIn } from '../../app/session.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { TENANTS_READS } from './account-reads.ts';
import { SettingsFrame } from './SettingsFrame.tsx';
import type { AccountTenant } from './types.ts';

/**
 * Settings > Account settings > Tenants: the associated tenants, and the seed's
 * "Associate another tenant" with the credentials of any user of that tenant.
 */
export function TenantsPage() {
  const intl = useIntl();
  const me = useSignedIn();
  const tenantList = useApiList('/api/v1/account/tenants');
  const tenants = tenantList.data?.items;
  const [associating, setAssociating] = useState(false);
  const [associated, setAssociated] = useState<AccountTenant | null>(null);
  const removeTenant = useApiMutation('delete', '/api/v1/account/tenants/{id}', { invalidates: TENANTS_READS });

  return (
    <SettingsFrame error={tenantList.error} loading={!tenants}>
      {associated && <AssociatedNotice tenant={associated} />}
      {tenants && (
        <>
          <ErrorMessage error={removeTenant.error} />
          <Table aria-label={intl.formatMessage({ id: 'settings.tenants' })}>
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
                        onClick={() => removeTenant.mutate({ params: { path: { id: tenant.id } } })}
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
    </SettingsFrame>
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
          validationMessage={fieldError(error, 'username')}
        >
          <Input ref={firstField} name="associate-username" autoComplete="off" value={username} onChange={(_, data) => setUsername(data.value)} />
        </Field>
        <Field label={intl.formatMessage({ id: 'signIn.password' })} required validationMessage={fieldError(error, 'password')}>
          <Input name="associate-password" type="password" autoComplete="off" value={password} onChange={(_, data) => setPassword(data.value)} />
        </Field>
        <div style={{ display: 'flex', gap: 8 }}>
          <Button appearance="primary" type="submit" disabled={busy || !username || !password}>
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
