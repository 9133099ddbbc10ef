import { Button, Card, Field, Input, Link, makeStyles, Select, Spinner, Textarea, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/queries.ts';
import { useDocumentTitle } from '../../app/dialogs.ts';
import { fieldValidation } from '../../app/fieldErrors.ts';
import { FormDialog } from '../../app/FormDialog.tsx';
import { SectionError } from '../../app/SectionError.tsx';
import { useOperator } from '../../app/session.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import type { MessageId } from '../../i18n/catalogs.ts';
import { Announcement } from './Announcement.tsx';
import { EngagementManager } from './EngagementManager.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1200px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  search: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  query: { minWidth: '280px', flexGrow: 1, maxWidth: '520px' },
  results: { display: 'flex', flexDirection: 'column', gap: '4px', margin: 0, paddingLeft: '20px' },
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  account: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  secondary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  history: { margin: 0, paddingLeft: '16px', fontSize: tokens.fontSizeBase200 },
});

/** A part of the file: its heading, and a table of its rows (or "None."). */
function Part({ title, columns, rows, testId }: { title: MessageId; columns: MessageId[]; rows: ReactNode[][]; testId: string }) {
  const intl = useIntl();
  const styles = useStyles();
  const table = useTableStyles();
  const name = intl.formatMessage({ id: title });
  return (
    <Card className={styles.section} data-testid={testId}>
      <h3 className={styles.heading}>{name}</h3>
      {rows.length === 0 ? (
        <Text>
          <FormattedMessage id="console.partners.none" />
        </Text>
      ) : (
        <TableScroll label={name}>
          <Table className={table.autoLayout} size="small" aria-label={name}>
            <TableHeader>
              <TableRow>
                {columns.map((column) => (
                  <TableHeaderCell key={column}>{intl.formatMessage({ id: column })}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((cells, index) => (
                <TableRow key={index}>
                  {cells.map((cell, column) => (
                    <TableCell key={column}>{cell}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </Card>
  );
}

const REASONS = ['PROGRAM_TERMS_BREACH', 'FRAUD_SUSPECTED', 'GRANTED_IN_ERROR', 'PARTNER_REQUEST'] as const;
type Reason = (typeof REASONS)[number];

/** A manager withdraws a benefit, with the reason the partner is told and an optional note. */
function RevokeDialog({ mpnId, account, entitlement, onClose, onDone }: { mpnId: string; account: string; entitlement: { id: string; name: string }; onClose: () => void; onDone: () => void }) {
  const intl = useIntl();
  const [reason, setReason] = useState<Reason>('PROGRAM_TERMS_BREACH');
  const [note, setNote] = useState('');
  const revoke = useApiMutation('post', '/api/v1/ops/partners/{mpnId}/entitlements/{id}/revocation', { invalidates: ['/api/v1/ops/partners/{mpnId}/file'] });
  const { error, busy, submit } = useFormSubmit(() => revoke.mutateAsync({ params: { path: { mpnId, id: entitlement.id } }, body: { reason, ...(note.trim() ? { note } : {}) } }), { onDone });
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'console.revoke.title' }, { benefit: entitlement.name, account })}
      submitLabel={intl.formatMessage({ id: 'console.revoke.submit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Field label={intl.formatMessage({ id: 'console.revoke.reason' })} required {...fieldValidation(error, 'reason')}>
        <Select name="reason" value={reason} onChange={(_, data) => setReason(data.value as Reason)}>
          {REASONS.map((option) => (
            <option key={option} value={option}>
              {intl.formatMessage({ id: `console.revoke.reason.${option}` })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={intl.formatMessage({ id: 'console.revoke.note' })} {...fieldValidation(error, 'note')}>
        <Textarea name="note" value={note} maxLength={2000} resize="vertical" onChange={(_, data) => setNote(data.value)} />
      </Field>
    </FormDialog>
  );
}

const REVOCABLE = new Set(['available', 'activated', 'in-progress']);

function PartnerFile({ mpnId }: { mpnId: string }) {
  const intl = useIntl();
  const styles = useStyles();
  const operator = useOperator();
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const read = useApiQuery('/api/v1/ops/partners/{mpnId}/file', { params: { path: { mpnId } } });
  const manager = operator.role !== 'rewards-agent';
  if (read.error) return <SectionError error={read.error} onRetry={() => void read.refetch()} />;
  if (!read.data) return <Spinner label={intl.formatMessage({ id: 'web.loading' })} />;
  const file = read.data;
  const date = (value: string | null) => (value ? intl.formatDate(value, { dateStyle: 'medium' }) : '');
  const money = (value: string) => intl.formatNumber(Number(value), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div className={styles.page} data-testid="partner-file">
      <Announcement text={announcement} testId="partner-announcement" />
      {revoking && (
        <RevokeDialog
          mpnId={mpnId}
          account={file.account.name}
          entitlement={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setAnnouncement(intl.formatMessage({ id: 'console.revoke.done' }, { benefit: revoking.name }));
            setRevoking(null);
          }}
        />
      )}
      <div>
        <h2 className={styles.account}>
          {file.account.name} <span className={styles.secondary}>MPN {file.account.mpnId}</span>
        </h2>
        <Text block>{intl.formatMessage({ id: 'console.partners.companyEmail' }, { email: file.account.companyEmail })}</Text>
        {file.standing && (
          <Text block data-testid="partner-standing">
            {intl.formatMessage({ id: 'console.partners.standing' }, { tier: file.standing.tierName ?? intl.formatMessage({ id: 'console.partners.noTier' }), amount: money(file.standing.billedTtmUsd) })}
          </Text>
        )}
      </div>
      <Part
        testId="partner-tenants"
        title="console.partners.tenants"
        columns={['console.partners.col.domain', 'console.partners.col.name', 'console.partners.col.status']}
        rows={file.tenants.map((tenant) => [tenant.domain, tenant.name, tenant.primary ? intl.formatMessage({ id: 'console.partners.primary' }) : date(tenant.associatedAt)])}
      />
      <Part
        testId="partner-users"
        title="console.partners.users"
        columns={['console.partners.col.user', 'console.partners.col.roles']}
        rows={file.users.map((user) => [
          <>
            <div>{user.displayName}</div>
            <div className={styles.secondary}>
              {user.username} · {user.email}
            </div>
          </>,
          user.roles.map((role) => intl.formatMessage({ id: `role.${role}` })).join(', '),
        ])}
      />
      <Part
        testId="partner-offers"
        title="console.partners.offers"
        columns={['console.partners.col.profile', 'console.partners.col.offer', 'console.partners.col.type', 'console.partners.col.status']}
        rows={file.profiles.flatMap((profile) => profile.offers.map((offer) => [profile.name, offer.name, offer.listingType, `${offer.status} ${date(offer.liveAt)}`]))}
      />
      <Part
        testId="partner-sales"
        title="console.partners.sales"
        columns={['console.partners.col.month', 'console.partners.col.billed', 'console.partners.col.excluded', 'console.partners.col.lines']}
        rows={file.salesByMonth.map((month) => [month.month, money(month.billedUsd), money(month.excludedUsd), intl.formatNumber(month.lines)])}
      />
      <Part
        testId="partner-entitlements"
        title="console.partners.entitlements"
        columns={['console.partners.col.benefit', 'console.partners.col.status', 'console.partners.col.history', ...(manager ? (['console.queue.col.actions'] as const) : [])]}
        rows={file.entitlements.map((entitlement) => [
          <>
            <div>{entitlement.name}</div>
            <div className={styles.secondary}>{entitlement.code}</div>
          </>,
          entitlement.status,
          <ol className={styles.history}>
            {entitlement.history.map((event, index) => (
              <li key={index}>
                {date(event.at)}: {event.from ? `${event.from} → ` : ''}
                {event.to} ({event.reason})
              </li>
            ))}
          </ol>,
          ...(manager
            ? [
                REVOCABLE.has(entitlement.status) ? (
                  <Button size="small" aria-label={intl.formatMessage({ id: 'console.revoke.actionFor' }, { benefit: entitlement.name })} onClick={() => setRevoking({ id: entitlement.id, name: entitlement.name })}>
                    <FormattedMessage id="console.revoke.action" />
                  </Button>
                ) : null,
              ]
            : []),
        ])}
      />
      <Card className={styles.section} data-testid="partner-contact">
        <h3 className={styles.heading}>
          <FormattedMessage id="console.partners.contact" />
        </h3>
        <Text>
          {file.marketingContact
            ? `${file.marketingContact.name ?? ''} · ${file.marketingContact.email} · ${file.marketingContact.phone} · ${file.marketingContact.language}`
            : intl.formatMessage({ id: 'console.partners.noContact' })}
        </Text>
      </Card>
      <EngagementManager mpnId={mpnId} account={file.account.name} current={file.engagementManager} canChange={manager} onChanged={setAnnouncement} />
      <Part
        testId="partner-activations"
        title="console.partners.activations"
        columns={['console.partners.col.benefit', 'console.partners.col.activated', 'console.partners.col.due', 'console.partners.col.contacted']}
        rows={file.activations.map((activation) => [activation.benefitCode, date(activation.activatedAt), date(activation.dueAt), activation.contactedAt ? date(activation.contactedAt) : activation.status])}
      />
      <Part
        testId="partner-requests"
        title="console.partners.requests"
        columns={['console.partners.col.request', 'console.partners.col.status', 'console.partners.col.activated']}
        rows={file.technicalRequests.map((request) => [`${request.reference} ${request.title}`, request.status, date(request.createdAt)])}
      />
      <Part
        testId="partner-sponsorships"
        title="console.partners.sponsorships"
        columns={['console.partners.col.benefit', 'console.partners.col.amount', 'console.partners.col.remaining', 'console.partners.col.status', 'console.partners.col.expires']}
        rows={file.sponsorships.map((sponsorship) => [sponsorship.benefitCode, money(sponsorship.amountUsd), money(sponsorship.remainingUsd), sponsorship.status, date(sponsorship.expiresAt)])}
      />
    </div>
  );
}

function Results({ q, onPick }: { q: string; onPick: (mpnId: string) => void }) {
  const intl = useIntl();
  const styles = useStyles();
  const read = useApiQuery('/api/v1/ops/partner-search', { params: { query: { q } } });
  if (read.error) return <SectionError error={read.error} onRetry={() => void read.refetch()} />;
  if (!read.data) return <Spinner size="tiny" label={intl.formatMessage({ id: 'web.loading' })} />;
  if (read.data.items.length === 0) return <Text>{intl.formatMessage({ id: 'console.partners.noMatch' })}</Text>;
  return (
    <ul className={styles.results} aria-label={intl.formatMessage({ id: 'console.partners.results' })} data-testid="partner-results">
      {read.data.items.map((partner) => (
        <li key={partner.id}>
          <Link as="button" onClick={() => onPick(partner.mpnId)}>
            {partner.name} (MPN {partner.mpnId})
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Partner lookup (issue #14): a search, its matches, and the chosen partner's file; both kept in the address. */
export function PartnerLookupPage() {
  const intl = useIntl();
  const styles = useStyles();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const mpnId = search.get('mpnId');
  const [text, setText] = useState(q);
  useDocumentTitle(intl.formatMessage({ id: 'console.partners.title' }));
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>
        <FormattedMessage id="console.partners.title" />
      </h1>
      <form
        className={styles.search}
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim().length >= 2) setSearch(new URLSearchParams({ q: text.trim() }));
        }}
      >
        <Field className={styles.query} label={intl.formatMessage({ id: 'console.partners.search' })} hint={intl.formatMessage({ id: 'console.partners.searchHint' })}>
          <Input type="search" name="q" value={text} onChange={(_, data) => setText(data.value)} />
        </Field>
        <Button type="submit" appearance="primary">
          <FormattedMessage id="console.partners.find" />
        </Button>
      </form>
      {q.length >= 2 && <Results q={q} onPick={(picked) => setSearch(new URLSearchParams({ q, mpnId: picked }))} />}
      {mpnId && <PartnerFile mpnId={mpnId} />}
    </div>
  );
}
