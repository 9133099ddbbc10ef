import { Button, Card, Field, Input, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/queries.ts';
import { useTableStyles } from '../../app/TableScroll.tsx';
import type { components } from '../../api/schema.gen.ts';
import { PageHeading } from './PageHeading.tsx';
import { usePagedList } from './paged.ts';
import { PagedList } from './PagedList.tsx';

type AuditEvent = components['schemas']['AuditEvent'];

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1400px' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'flex-end' },
  filter: { minWidth: '160px' },
  secondary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  details: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, maxWidth: '420px', overflowWrap: 'anywhere' },
});

const FILTERS = ['actorId', 'mpnId', 'action', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

/** A date input's day, as the instant it starts (from) or the one after it ends (to), in the browser's zone. */
const dayStart = (day: string, next = false) => {
  const date = new Date(`${day}T00:00:00`);
  if (next) date.setDate(date.getDate() + 1);
  return date.toISOString();
};

/**
 * The audit log (issue #14, a manager's page): newest first, filtered by who, partner, action and day;
 * the same filters export the log as CSV. The filters live in the address, applied together.
 */
export function AuditPage() {
  const intl = useIntl();
  const styles = useStyles();
  const table = useTableStyles();
  const [search, setSearch] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.flatMap((name) => (search.get(name) ? [[name, search.get(name)!]] : []))) as Partial<Record<Filter, string>>;
  const [draft, setDraft] = useState<Partial<Record<Filter, string>>>(applied);
  const team = useApiQuery('/api/v1/ops/operators');

  // The API's filters: days as instants (the end of the "until" day included).
  const query = {
    ...(applied.actorId ? { actorId: applied.actorId } : {}),
    ...(applied.mpnId ? { mpnId: applied.mpnId } : {}),
    ...(applied.action ? { action: applied.action } : {}),
    ...(applied.from ? { from: dayStart(applied.from) } : {}),
    ...(applied.to ? { to: dayStart(applied.to, true) } : {}),
  };
  const { read: log, items } = usePagedList<AuditEvent>('/api/v1/ops/audit-events', query);
  const exportUrl = `/api/v1/ops/audit-events.csv?${new URLSearchParams(query).toString()}`;
  const set = (name: Filter, value: string) => setDraft((current) => ({ ...current, [name]: value }));

  return (
    <div className={styles.page}>
      <PageHeading title="console.audit.title" intro="console.audit.intro" />
      <Card>
        <form
          className={styles.filters}
          role="search"
          aria-label={intl.formatMessage({ id: 'console.queue.filters' })}
          onSubmit={(event) => {
            event.preventDefault();
            const next = new URLSearchParams();
            for (const name of FILTERS) if (draft[name]?.trim()) next.set(name, draft[name].trim());
            setSearch(next, { replace: true });
          }}
        >
          <Field className={styles.filter} label={intl.formatMessage({ id: 'console.audit.actor' })}>
            <Select name="actorId" value={draft.actorId ?? ''} onChange={(_, data) => set('actorId', data.value)}>
              <option value="">{intl.formatMessage({ id: 'console.audit.actorAny' })}</option>
              {(team.data?.items ?? []).map((member) => (
                <option key={member.id} value={member.id}>
                  {member.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.filter} label={intl.formatMessage({ id: 'console.audit.partner' })}>
            <Input name="mpnId" inputMode="numeric" value={draft.mpnId ?? ''} onChange={(_, data) => set('mpnId', data.value)} />
          </Field>
          <Field className={styles.filter} label={intl.formatMessage({ id: 'console.audit.action' })} hint={intl.formatMessage({ id: 'console.audit.actionHint' })}>
            <Input name="action" value={draft.action ?? ''} onChange={(_, data) => set('action', data.value)} />
          </Field>
          <Field className={styles.filter} label={intl.formatMessage({ id: 'console.audit.from' })}>
            <Input type="date" name="from" value={draft.from ?? ''} onChange={(_, data) => set('from', data.value)} />
          </Field>
          <Field className={styles.filter} label={intl.formatMessage({ id: 'console.audit.to' })}>
            <Input type="date" name="to" value={draft.to ?? ''} onChange={(_, data) => set('to', data.value)} />
          </Field>
          <Button type="submit" appearance="primary">
            <FormattedMessage id="console.audit.apply" />
          </Button>
          <Button as="a" href={exportUrl} download icon={<ArrowDownload20Regular />} data-testid="audit-export">
            <FormattedMessage id="console.audit.export" />
          </Button>
        </form>
      </Card>
      <PagedList read={log} count={items.length} empty="console.audit.empty" label={intl.formatMessage({ id: 'console.audit.title' })}>
        <Table className={table.autoLayout} aria-label={intl.formatMessage({ id: 'console.audit.title' })} data-testid="audit-log">
          <TableHeader>
            <TableRow>
              {(['time', 'actor', 'partner', 'action', 'subject', 'details'] as const).map((column) => (
                <TableHeaderCell key={column}>{intl.formatMessage({ id: `console.audit.col.${column}` })}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((event) => (
              <TableRow key={event.id} data-testid="audit-event" data-action={event.action}>
                <TableCell className={table.nowrap}>
                  <time dateTime={event.occurredAt}>{intl.formatDate(event.occurredAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
                </TableCell>
                <TableCell>{event.actor.type === 'system' ? intl.formatMessage({ id: 'console.audit.system' }) : (event.actor.name ?? event.actor.id)}</TableCell>
                <TableCell>
                  {event.partner && (
                    <>
                      <span>{event.partner.name}</span> <span className={styles.secondary}>MPN {event.partner.mpnId}</span>
                    </>
                  )}
                </TableCell>
                <TableCell className={table.nowrap}>{event.action}</TableCell>
                <TableCell className={styles.secondary}>{event.subjectType ? `${event.subjectType} ${event.subjectId ?? ''}` : ''}</TableCell>
                <TableCell className={styles.details}>{Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </PagedList>
    </div>
  );
}
