import { Badge, Button, Checkbox, Field, Input, makeStyles, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiMutation, useApiQuery } from '../../api/queries.ts';
import type { components } from '../../api/schema.gen.ts';
import { fieldValidation } from '../../app/fieldErrors.ts';
import { FormDialog } from '../../app/FormDialog.tsx';
import { SectionError } from '../../app/SectionError.tsx';
import { useOperator } from '../../app/session.tsx';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../i18n/catalogs.ts';
import { Announcement } from './Announcement.tsx';
import { PageHeading } from './PageHeading.tsx';

type Account = components['schemas']['OperatorAccount'];
type Role = Account['role'];
const ROLES: readonly Role[] = ['rewards-agent', 'rewards-manager', 'operator-admin'];
const READS = ['/api/v1/ops/operator-accounts', '/api/v1/ops/operators'] as const;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1200px', alignItems: 'flex-start' },
  secondary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The manager and language pickers both dialogs share. */
function ManagerAndLanguage({ accounts, self, managerId, setManagerId, locale, setLocale, error }: {
  accounts: Account[];
  self: string | null;
  managerId: string;
  setManagerId: (id: string) => void;
  locale: string;
  setLocale: (locale: string) => void;
  error: unknown;
}) {
  const intl = useIntl();
  return (
    <>
      <Field label={intl.formatMessage({ id: 'console.operators.manager' })} {...fieldValidation(error, 'managerId')}>
        <Select name="managerId" value={managerId} onChange={(_, data) => setManagerId(data.value)}>
          <option value="">{intl.formatMessage({ id: 'console.operators.noManager' })}</option>
          {accounts
            .filter((account) => account.id !== self && !account.disabledAt && account.role !== 'rewards-agent')
            .map((account) => (
              <option key={account.id} value={account.id}>
                {account.displayName}
              </option>
            ))}
        </Select>
      </Field>
      <Field label={intl.formatMessage({ id: 'console.operators.language' })} {...fieldValidation(error, 'locale')}>
        <Select name="locale" value={locale} onChange={(_, data) => setLocale(data.value)}>
          <option value="">{intl.formatMessage({ id: 'console.operators.browserLanguage' })}</option>
          {LOCALES.map((option) => (
            <option key={option} value={option}>
              {LANGUAGE_NAMES[option]}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

function RolePicker({ role, setRole, error }: { role: Role; setRole: (role: Role) => void; error: unknown }) {
  const intl = useIntl();
  return (
    <Field label={intl.formatMessage({ id: 'console.operators.role' })} required {...fieldValidation(error, 'role')}>
      <Select name="role" value={role} onChange={(_, data) => setRole(data.value as Role)}>
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {intl.formatMessage({ id: `console.role.${option}` })}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function AddDialog({ accounts, onClose, onDone }: { accounts: Account[]; onClose: () => void; onDone: (name: string) => void }) {
  const intl = useIntl();
  const [form, setForm] = useState({ username: '', displayName: '', email: '', password: '' });
  const [role, setRole] = useState<Role>('rewards-agent');
  const [managerId, setManagerId] = useState('');
  const [locale, setLocale] = useState('');
  const add = useApiMutation('post', '/api/v1/ops/operator-accounts', { invalidates: READS });
  const { error, busy, submit } = useFormSubmit(
    () => add.mutateAsync({ body: { ...form, role, managerId: managerId || null, locale: (locale || null) as Locale | null } }),
    { onDone: () => onDone(form.displayName) },
  );
  const text = (name: keyof typeof form, label: string, type: 'text' | 'email' | 'password' = 'text', hint?: string) => (
    <Field label={label} required hint={hint} {...fieldValidation(error, name)}>
      <Input name={name} type={type} value={form[name]} autoComplete="off" onChange={(_, data) => setForm({ ...form, [name]: data.value })} />
    </Field>
  );
  return (
    <FormDialog title={intl.formatMessage({ id: 'console.operators.add' })} submitLabel={intl.formatMessage({ id: 'console.operators.addSubmit' })} onClose={onClose} onSubmit={submit} error={error} busy={busy}>
      {text('username', intl.formatMessage({ id: 'console.operators.username' }), 'email', intl.formatMessage({ id: 'console.operators.usernameHint' }))}
      {text('displayName', intl.formatMessage({ id: 'console.operators.name' }))}
      {text('email', intl.formatMessage({ id: 'console.operators.email' }), 'email')}
      <RolePicker role={role} setRole={setRole} error={error} />
      {text('password', intl.formatMessage({ id: 'console.operators.password' }), 'password', intl.formatMessage({ id: 'console.operators.passwordHint' }))}
      <ManagerAndLanguage accounts={accounts} self={null} managerId={managerId} setManagerId={setManagerId} locale={locale} setLocale={setLocale} error={error} />
    </FormDialog>
  );
}

function ChangeDialog({ account, accounts, onClose, onDone }: { account: Account; accounts: Account[]; onClose: () => void; onDone: (name: string) => void }) {
  const intl = useIntl();
  const [role, setRole] = useState<Role>(account.role);
  const [managerId, setManagerId] = useState(account.managerId ?? '');
  const [locale, setLocale] = useState<string>(account.locale ?? '');
  const [disabled, setDisabled] = useState(account.disabledAt !== null);
  const change = useApiMutation('patch', '/api/v1/ops/operator-accounts/{id}', { invalidates: READS });
  const { error, busy, submit } = useFormSubmit(
    () =>
      change.mutateAsync({
        params: { path: { id: account.id } },
        body: {
          ...(role !== account.role ? { role } : {}),
          ...((managerId || null) !== account.managerId ? { managerId: managerId || null } : {}),
          ...((locale || null) !== account.locale ? { locale: (locale || null) as Locale | null } : {}),
          ...(disabled !== (account.disabledAt !== null) ? { disabled } : {}),
        },
      }),
    { onDone: () => onDone(account.displayName) },
  );
  return (
    <FormDialog title={intl.formatMessage({ id: 'console.operators.changeTitle' }, { name: account.displayName })} submitLabel={intl.formatMessage({ id: 'web.save' })} onClose={onClose} onSubmit={submit} error={error} busy={busy}>
      <RolePicker role={role} setRole={setRole} error={error} />
      <ManagerAndLanguage accounts={accounts} self={account.id} managerId={managerId} setManagerId={setManagerId} locale={locale} setLocale={setLocale} error={error} />
      <Field {...fieldValidation(error, 'disabled')}>
        <Checkbox name="disabled" checked={disabled} onChange={(_, data) => setDisabled(data.checked === true)} label={intl.formatMessage({ id: 'console.operators.disable' })} />
      </Field>
    </FormDialog>
  );
}

/** The Rewards team's directory (issue #14, an operator admin's page): members, roles, managers, accounts. */
export function OperatorsPage() {
  const intl = useIntl();
  const styles = useStyles();
  const table = useTableStyles();
  const me = useOperator();
  const read = useApiQuery('/api/v1/ops/operator-accounts');
  const [dialog, setDialog] = useState<{ type: 'add' } | { type: 'change'; account: Account } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const accounts = read.data?.items ?? [];
  const nameOf = (id: string | null) => accounts.find((account) => account.id === id)?.displayName ?? '';
  const done = (name: string) => {
    setDialog(null);
    setAnnouncement(intl.formatMessage({ id: 'console.operators.saved' }, { name }));
  };

  return (
    <div className={styles.page}>
      <PageHeading title="console.operators.title" intro="console.operators.intro" />
      <Announcement text={announcement} testId="operators-announcement" />
      <Button appearance="primary" onClick={() => setDialog({ type: 'add' })}>
        <FormattedMessage id="console.operators.add" />
      </Button>
      {read.error ? (
        <SectionError error={read.error} onRetry={() => void read.refetch()} />
      ) : !read.data ? (
        <Spinner label={intl.formatMessage({ id: 'web.loading' })} />
      ) : (
        <TableScroll label={intl.formatMessage({ id: 'console.operators.title' })}>
          <Table className={table.autoLayout} aria-label={intl.formatMessage({ id: 'console.operators.title' })} data-testid="operators">
            <TableHeader>
              <TableRow>
                {(['member', 'role', 'manager', 'secondFactor', 'status', 'actions'] as const).map((column) => (
                  <TableHeaderCell key={column}>{intl.formatMessage({ id: `console.operators.col.${column}` })}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {accounts.map((account) => (
                <TableRow key={account.id} data-testid="operator-account" data-username={account.username}>
                  <TableCell>
                    <div>{account.id === me.id ? intl.formatMessage({ id: 'console.operators.you' }, { name: account.displayName }) : account.displayName}</div>
                    <div className={styles.secondary}>{account.username}</div>
                  </TableCell>
                  <TableCell>{intl.formatMessage({ id: `console.role.${account.role}` })}</TableCell>
                  <TableCell>{nameOf(account.managerId)}</TableCell>
                  <TableCell>{intl.formatMessage({ id: account.enrolled ? 'console.operators.enrolled' : 'console.operators.notEnrolled' })}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={account.disabledAt ? 'danger' : 'success'}>
                      {intl.formatMessage({ id: account.disabledAt ? 'console.operators.disabled' : 'console.operators.active' })}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <Button size="small" aria-label={intl.formatMessage({ id: 'console.operators.changeFor' }, { name: account.displayName })} onClick={() => setDialog({ type: 'change', account })}>
                      <FormattedMessage id="console.operators.change" />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {dialog?.type === 'add' && <AddDialog accounts={accounts} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.type === 'change' && <ChangeDialog account={dialog.account} accounts={accounts} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}
