import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiList, useApiMutation } from '../../api/queries.ts';
import type { components } from '../../api/schema.gen.ts';
import { fieldValidation } from '../../app/fieldErrors.ts';
import { FormDialog } from '../../app/FormDialog.tsx';
import { SectionError } from '../../app/SectionError.tsx';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { Announcement } from './Announcement.tsx';
import { CopyButton } from './CopyButton.tsx';
import { PageHeading } from './PageHeading.tsx';

type Token = components['schemas']['OperatorToken'];
const READS = ['/api/v1/ops/tokens'] as const;
/** How long a new token lasts, in days (0: until it is revoked). */
const LIFETIMES = [30, 90, 365, 0] as const;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1200px', alignItems: 'flex-start' },
  card: { display: 'flex', flexDirection: 'column', gap: '8px', maxWidth: '80ch' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  secret: { margin: 0, fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', padding: '8px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
});

const statusOf = (token: Token, now: number) => (token.revokedAt ? 'revoked' : token.expiresAt && Date.parse(token.expiresAt) <= now ? 'expired' : 'active');

/**
 * The operator API tokens (issue #14), an operator admin's: each with when it was last used and when it
 * expires; a new one (its secret shown once, here only), and any revoked at once. Automation uses them
 * where the console uses an operator's session.
 */
export function TokensPage() {
  const intl = useIntl();
  const styles = useStyles();
  const table = useTableStyles();
  const list = useApiList('/api/v1/ops/tokens');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [now] = useState(() => Date.now());
  const when = (iso: string | null) => (iso ? intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  return (
    <div className={styles.page}>
      <PageHeading title="console.tokens.title" intro="console.tokens.intro" />
      <Announcement text={announcement} testId="tokens-announcement" />
      <Button appearance="primary" onClick={() => setCreating(true)}>
        <FormattedMessage id="console.tokens.create" />
      </Button>
      {secret && <SecretCard name={secret.name} token={secret.token} onDone={() => setSecret(null)} />}
      {list.error ? (
        <SectionError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Spinner label={intl.formatMessage({ id: 'web.loading' })} />
      ) : list.data.items.length === 0 ? (
        <Text>
          <FormattedMessage id="console.tokens.empty" />
        </Text>
      ) : (
        <TableScroll label={intl.formatMessage({ id: 'console.tokens.title' })}>
          <Table className={table.autoLayout} aria-label={intl.formatMessage({ id: 'console.tokens.title' })} data-testid="tokens">
            <TableHeader>
              <TableRow>
                {(['name', 'status', 'created', 'lastUsed', 'expires', 'actions'] as const).map((column) => (
                  <TableHeaderCell key={column}>{intl.formatMessage({ id: `console.tokens.col.${column}` })}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((token) => {
                const status = statusOf(token, now);
                return (
                  <TableRow key={token.id} data-testid="token" data-name={token.name}>
                    <TableCell>{token.name}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={status === 'active' ? 'success' : 'subtle'} data-testid="token-status">
                        {intl.formatMessage({ id: `console.tokens.status.${status}` })}
                      </Badge>
                    </TableCell>
                    <TableCell className={table.nowrap}>{when(token.createdAt)}</TableCell>
                    <TableCell className={table.nowrap}>{token.lastUsedAt ? when(token.lastUsedAt) : intl.formatMessage({ id: 'console.tokens.never' })}</TableCell>
                    <TableCell className={table.nowrap}>{token.expiresAt ? when(token.expiresAt) : intl.formatMessage({ id: 'console.tokens.noExpiry' })}</TableCell>
                    <TableCell>
                      {status === 'active' && (
                        <Button size="small" aria-label={intl.formatMessage({ id: 'console.tokens.revokeFor' }, { name: token.name })} onClick={() => setRevoking(token)}>
                          <FormattedMessage id="console.tokens.revoke" />
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {creating && (
        <CreateTokenDialog
          taken={new Set((list.data?.items ?? []).filter((token) => statusOf(token, now) === 'active').map((token) => token.name))}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret(created);
            setAnnouncement(intl.formatMessage({ id: 'console.tokens.created' }, { name: created.name }));
          }}
        />
      )}
      {revoking && (
        <RevokeTokenDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setAnnouncement(intl.formatMessage({ id: 'console.tokens.revoked' }, { name: revoking.name }));
            setRevoking(null);
          }}
        />
      )}
    </div>
  );
}

function CreateTokenDialog({ taken, onClose, onCreated }: { taken: Set<string>; onClose: () => void; onCreated: (created: { name: string; token: string }) => void }) {
  const intl = useIntl();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(90);
  const create = useApiMutation('post', '/api/v1/ops/tokens', { invalidates: READS });
  const { error, busy, submit } = useFormSubmit(
    () => create.mutateAsync({ body: { name: name.trim(), expiresAt: days > 0 ? new Date(Date.now() + days * 86_400_000).toISOString() : null } }),
    { onDone: (result) => onCreated({ name: result.name, token: result.token }) },
  );
  return (
    <FormDialog title={intl.formatMessage({ id: 'console.tokens.create' })} submitLabel={intl.formatMessage({ id: 'console.tokens.createSubmit' })} onClose={onClose} onSubmit={submit} error={error} busy={busy}>
      <Field
        label={intl.formatMessage({ id: 'console.tokens.name' })}
        hint={intl.formatMessage({ id: taken.has(name.trim()) ? 'console.tokens.nameReplaces' : 'console.tokens.nameHint' })}
        required
        {...fieldValidation(error, 'name')}
      >
        <Input name="name" value={name} maxLength={100} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label={intl.formatMessage({ id: 'console.tokens.lifetime' })} {...fieldValidation(error, 'expiresAt')}>
        <Select name="lifetime" value={String(days)} onChange={(_, data) => setDays(Number(data.value))}>
          {LIFETIMES.map((option) => (
            <option key={option} value={option}>
              {option > 0 ? intl.formatMessage({ id: 'console.tokens.days' }, { days: option }) : intl.formatMessage({ id: 'console.tokens.noExpiry' })}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}

/**
 * The new token's secret, once, on the page under the button that made it (not a second dialog over the
 * closing one): it stays until the admin says it is stored.
 */
function SecretCard({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const intl = useIntl();
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid="token-secret-card" role="region" aria-labelledby="token-secret-title">
      <h2 id="token-secret-title" className={styles.heading}>
        {intl.formatMessage({ id: 'console.tokens.secretTitle' }, { name })}
      </h2>
      <Text>
        <FormattedMessage id="console.tokens.secretIntro" />
      </Text>
      <p className={styles.secret} data-testid="token-secret">
        {token}
      </p>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onDone}>
          <FormattedMessage id="console.tokens.secretDone" />
        </Button>
        <CopyButton text={token} label={intl.formatMessage({ id: 'console.tokens.copy' })} copiedLabel={intl.formatMessage({ id: 'console.tokens.copied' })} />
      </div>
    </Card>
  );
}

function RevokeTokenDialog({ token, onClose, onDone }: { token: Token; onClose: () => void; onDone: () => void }) {
  const intl = useIntl();
  const revoke = useApiMutation('delete', '/api/v1/ops/tokens/{id}', { invalidates: READS });
  const { error, busy, submit } = useFormSubmit(() => revoke.mutateAsync({ params: { path: { id: token.id } } }), { onDone });
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'console.tokens.revokeTitle' }, { name: token.name })}
      submitLabel={intl.formatMessage({ id: 'console.tokens.revoke' })}
      closeLabel={intl.formatMessage({ id: 'console.tokens.keep' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Text>
        <FormattedMessage id="console.tokens.revokeIntro" />
      </Text>
    </FormDialog>
  );
}
