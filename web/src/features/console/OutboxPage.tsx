import { Badge, Button, makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/queries.ts';
import { SectionError } from '../../app/SectionError.tsx';
import type { paths } from '../../api/schema.gen.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { useTableStyles } from '../../app/TableScroll.tsx';
import { Announcement } from './Announcement.tsx';
import { PageHeading } from './PageHeading.tsx';
import { usePagedList } from './paged.ts';
import { PagedList } from './PagedList.tsx';

type Outbox = paths['/api/v1/ops/outbox']['get']['responses'][200]['content']['application/json'];
type Message = Outbox['items'][number];
type Status = Message['status'];
const STATUSES: readonly Status[] = ['pending', 'sending', 'sent', 'failed'];

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1400px' },
  statuses: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  secondary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  body: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyBase, maxWidth: '80ch' },
  error: { maxWidth: '320px', overflowWrap: 'anywhere', color: tokens.colorPaletteRedForeground1 },
});

/** A message's text, read when it is opened (each read is on record: it is the partner's correspondence). */
function MessageText({ id }: { id: string }) {
  const intl = useIntl();
  const styles = useStyles();
  const read = useApiQuery('/api/v1/ops/outbox/{id}', { params: { path: { id } } }, { staleTime: Infinity });
  if (read.error) return <SectionError error={read.error} onRetry={() => void read.refetch()} />;
  if (!read.data) return <Spinner size="tiny" label={intl.formatMessage({ id: 'web.loading' })} />;
  return (
    <pre className={styles.body} data-testid="outbox-body" lang={read.data.locale}>
      {read.data.textBody}
    </pre>
  );
}

/** The outbox (issue #14): messages by status with their attempts and last error; a failed one sent again. */
export function OutboxPage() {
  const intl = useIntl();
  const styles = useStyles();
  const table = useTableStyles();
  const [search, setSearch] = useSearchParams();
  const [announcement, setAnnouncement] = useState('');
  const status = STATUSES.find((value) => value === search.get('status'));
  const { read, items, first } = usePagedList<Message, Outbox>('/api/v1/ops/outbox', status ? { status } : {});
  const resend = useApiMutation('post', '/api/v1/ops/outbox/{id}/resend', { invalidates: ['/api/v1/ops/outbox'] });
  // The messages whose text is shown (a message's body is the partner's correspondence: shown on request).
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const statusName = (value: Status) => intl.formatMessage({ id: `console.outbox.status.${value}` });
  const choose = (value: Status | null) => setSearch(value ? new URLSearchParams({ status: value }) : new URLSearchParams(), { replace: true });

  return (
    <div className={styles.page}>
      <PageHeading title="console.outbox.title" intro="console.outbox.intro" />
      <Announcement text={announcement} testId="outbox-announcement" />
      <div className={styles.statuses} role="group" aria-label={intl.formatMessage({ id: 'console.outbox.col.status' })}>
        <Button appearance={status ? 'secondary' : 'primary'} aria-pressed={!status} onClick={() => choose(null)}>
          <FormattedMessage id="console.outbox.all" />
        </Button>
        {STATUSES.map((value) => (
          <Button key={value} appearance={status === value ? 'primary' : 'secondary'} aria-pressed={status === value} onClick={() => choose(value)}>
            {first ? intl.formatMessage({ id: 'console.outbox.statusCount' }, { status: statusName(value), count: first.counts[value] }) : statusName(value)}
          </Button>
        ))}
      </div>
      <ErrorMessage error={resend.error} />
      <PagedList read={read} count={items.length} empty="console.outbox.empty" label={intl.formatMessage({ id: 'console.outbox.title' })}>
        <Table className={table.autoLayout} aria-label={intl.formatMessage({ id: 'console.outbox.title' })} data-testid="outbox">
          <TableHeader>
            <TableRow>
              {(['created', 'recipient', 'subject', 'status', 'attempts', 'error', 'actions'] as const).map((column) => (
                <TableHeaderCell key={column}>{intl.formatMessage({ id: `console.outbox.col.${column}` })}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((message) => (
              <Fragment key={message.id}>
                <TableRow data-testid="outbox-message" data-status={message.status}>
                  <TableCell className={table.nowrap}>
                    <time dateTime={message.createdAt}>{intl.formatDate(message.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                  </TableCell>
                  <TableCell>
                    <div>{message.recipientName ?? message.recipient}</div>
                    {message.recipientName && <div className={styles.secondary}>{message.recipient}</div>}
                  </TableCell>
                  <TableCell>
                    <div>{message.subject}</div>
                    <div className={styles.secondary}>
                      {message.kind} · {message.locale}
                    </div>
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={message.status === 'failed' ? 'danger' : message.status === 'sent' ? 'success' : 'informative'}>
                      {statusName(message.status)}
                    </Badge>
                    {message.sentAt && (
                      <div className={styles.secondary}>{intl.formatMessage({ id: 'console.outbox.sentAt' }, { time: intl.formatDate(message.sentAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</div>
                    )}
                  </TableCell>
                  <TableCell>{intl.formatNumber(message.attempts)}</TableCell>
                  <TableCell className={styles.error}>{message.lastError ?? ''}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button
                        size="small"
                        appearance="subtle"
                        aria-expanded={open.has(message.id)}
                        aria-controls={`outbox-body-${message.id}`}
                        aria-label={intl.formatMessage({ id: open.has(message.id) ? 'console.outbox.hideFor' : 'console.outbox.showFor' }, { subject: message.subject })}
                        onClick={() => toggle(message.id)}
                      >
                        <FormattedMessage id={open.has(message.id) ? 'console.outbox.hide' : 'console.outbox.show'} />
                      </Button>
                      {message.status === 'failed' && (
                        <Button
                          size="small"
                          disabled={resend.isPending}
                          aria-label={intl.formatMessage({ id: 'console.outbox.resendFor' }, { subject: message.subject })}
                          onClick={() =>
                            resend.mutate(
                              { params: { path: { id: message.id } } },
                              { onSuccess: () => setAnnouncement(intl.formatMessage({ id: 'console.outbox.resent' }, { subject: message.subject })) },
                            )
                          }
                        >
                          <FormattedMessage id="console.outbox.resend" />
                        </Button>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
                {open.has(message.id) && (
                  <TableRow>
                    <TableCell colSpan={7}>
                      <div id={`outbox-body-${message.id}`}>
                        <MessageText id={message.id} />
                      </div>
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </PagedList>
    </div>
  );
}
