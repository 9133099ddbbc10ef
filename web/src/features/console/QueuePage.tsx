import {
  Badge,
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useApiMutation } from '../../api/queries.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { useOperator } from '../../app/session.tsx';
import { useTableStyles } from '../../app/TableScroll.tsx';
import { WORK_KINDS, WORK_READS, WORK_STATES, type WorkItem, type WorkKind, type WorkState } from './types.ts';
import { durationText } from './duration.ts';
import { Announcement } from './Announcement.tsx';
import { PageHeading } from './PageHeading.tsx';
import { usePagedList } from './paged.ts';
import { PagedList } from './PagedList.tsx';
import { AssignDialog, ContactDialog, MessageDialog, MoveDialog } from './WorkDialogs.tsx';
import { DeclineDialog, ProvisionDialog } from './SponsorshipDialogs.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1400px' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'flex-end' },
  filter: { minWidth: '160px' },
  stack: { display: 'flex', flexDirection: 'column', gap: '2px' },
  secondary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  nowrap: { whiteSpace: 'nowrap' },
  // A state's name may take two lines in a narrow column (Dutch ones are long): the badge grows with it.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start', paddingTop: '1px', paddingBottom: '1px', alignSelf: 'flex-start' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '4px', minWidth: '200px' },
});

const FILTERS = ['kind', 'state', 'assignee', 'partner', 'benefit', 'overdue'] as const;

type Dialog = { type: 'assign' | 'contact' | 'move' | 'message' | 'provision' | 'decline'; item: WorkItem } | null;

/**
 * The work queue (issue #14): everything the team owes partners, soonest due first, with the time left
 * or overdue; filters kept in the address (a link shows the same list); assign, record contact, and for
 * technical requests move and message, each a keyboard-reachable button on the row.
 */
export function QueuePage() {
  const intl = useIntl();
  const styles = useStyles();
  const table = useTableStyles();
  const operator = useOperator();
  const [search, setSearch] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [announcement, setAnnouncement] = useState('');

  const filters = Object.fromEntries(FILTERS.flatMap((name) => (search.get(name) ? [[name, search.get(name)!]] : []))) as Partial<Record<(typeof FILTERS)[number], string>>;
  const setFilter = (name: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };
  const [partnerText, setPartnerText] = useState(filters.partner ?? '');

  const { read: queue, items } = usePagedList<WorkItem>('/api/v1/ops/work', filters);

  const assign = useApiMutation('post', '/api/v1/ops/work/{kind}/{id}/assignment', { invalidates: WORK_READS });
  const [assignError, setAssignError] = useState<unknown>(null);
  const assignToMe = (item: WorkItem) => {
    setAssignError(null);
    assign.mutate(
      { params: { path: { kind: item.kind, id: item.id } }, body: {} },
      { onSuccess: () => setAnnouncement(intl.formatMessage({ id: 'console.queue.assigned' }, { name: operator.displayName })), onError: setAssignError },
    );
  };
  const manager = operator.role !== 'rewards-agent';
  const kindName = (kind: WorkKind) => intl.formatMessage({ id: `console.kind.${kind}` });
  const stateName = (state: WorkState) => intl.formatMessage({ id: `console.state.${state}` });
  const done = (text: string) => {
    setDialog(null);
    setAnnouncement(text);
  };

  return (
    <div className={styles.page}>
      <PageHeading title="console.queue.title" intro="console.queue.intro" />
      <Announcement text={announcement} testId="queue-announcement" />
      <Card>
        <form
          className={styles.filters}
          role="search"
          aria-label={intl.formatMessage({ id: 'console.queue.filters' })}
          onSubmit={(event) => {
            event.preventDefault();
            setFilter('partner', partnerText.trim());
          }}
        >
          <Field className={styles.filter} label={intl.formatMessage({ id: 'console.queue.kind' })}>
            <Select value={filters.kind ?? ''} onChange={(_, data) => setFilter('kind', data.value)}>
              <option value="">{intl.formatMessage({ id: 'console.queue.kindAll' })}</option>
              {WORK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kindName(kind)}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.filter} label={intl.formatMessage({ id: 'console.queue.state' })}>
            <Select value={filters.state ?? ''} onChange={(_, data) => setFilter('state', data.value)}>
              <option value="">{intl.formatMessage({ id: 'console.queue.stateAll' })}</option>
              {WORK_STATES.map((state) => (
                <option key={state} value={state}>
                  {stateName(state)}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.filter} label={intl.formatMessage({ id: 'console.queue.assignee' })}>
            <Select value={filters.assignee ?? ''} onChange={(_, data) => setFilter('assignee', data.value)}>
              <option value="">{intl.formatMessage({ id: 'console.queue.assigneeAny' })}</option>
              <option value="me">{intl.formatMessage({ id: 'console.queue.assigneeMe' })}</option>
              <option value="none">{intl.formatMessage({ id: 'console.queue.assigneeNone' })}</option>
            </Select>
          </Field>
          <Field className={styles.filter} label={intl.formatMessage({ id: 'console.queue.partner' })} hint={intl.formatMessage({ id: 'console.queue.partnerHint' })}>
            <Input type="search" name="partner" value={partnerText} onChange={(_, data) => setPartnerText(data.value)} onBlur={() => setFilter('partner', partnerText.trim())} />
          </Field>
          <Checkbox label={intl.formatMessage({ id: 'console.queue.overdueOnly' })} checked={filters.overdue === 'true'} onChange={(_, data) => setFilter('overdue', data.checked ? 'true' : '')} />
          <Button
            appearance="subtle"
            onClick={() => {
              setPartnerText('');
              setSearch(new URLSearchParams(), { replace: true });
            }}
          >
            <FormattedMessage id="console.queue.clear" />
          </Button>
        </form>
      </Card>
      <ErrorMessage error={assignError ?? (queue.error && items.length > 0 ? queue.error : null)} />
      <PagedList read={queue} count={items.length} empty="console.queue.empty" label={intl.formatMessage({ id: 'console.queue.title' })}>
        <Table className={table.autoLayout} aria-label={intl.formatMessage({ id: 'console.queue.title' })} data-testid="work-queue">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{intl.formatMessage({ id: 'console.queue.col.due' })}</TableHeaderCell>
              <TableHeaderCell>{intl.formatMessage({ id: 'console.queue.col.work' })}</TableHeaderCell>
              <TableHeaderCell>{intl.formatMessage({ id: 'console.queue.col.partner' })}</TableHeaderCell>
              <TableHeaderCell>{intl.formatMessage({ id: 'console.queue.col.benefit' })}</TableHeaderCell>
              <TableHeaderCell>{intl.formatMessage({ id: 'console.queue.col.assignee' })}</TableHeaderCell>
              <TableHeaderCell>{intl.formatMessage({ id: 'console.queue.col.actions' })}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => {
              const label = (action: string) => intl.formatMessage({ id: 'console.queue.actionsFor' }, { action, partner: item.partner.name });
              return (
                <TableRow key={`${item.kind}:${item.id}`} data-testid="work-item" data-kind={item.kind} data-id={item.id}>
                  <TableCell>
                    <div className={styles.stack}>
                      <span className={item.overdue ? mergeClasses(styles.overdue, styles.nowrap) : styles.nowrap} data-testid="time-left">
                        {intl.formatMessage({ id: item.overdue ? 'console.queue.overdueBy' : 'console.queue.left' }, { duration: durationText(intl, item.secondsLeft) })}
                      </span>
                      <time className={styles.secondary} dateTime={item.dueAt}>
                        {intl.formatDate(item.dueAt, { dateStyle: 'medium', timeStyle: 'short' })}
                      </time>
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <span>
                        {kindName(item.kind)}
                        {item.reference ? ` ${item.reference}` : ''}
                      </span>
                      <Badge appearance="tint" className={styles.badge} color={item.state === 'action-required' ? 'warning' : 'brand'} data-testid="work-state">
                        {stateName(item.state)}
                      </Badge>
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <span>{item.partner.name}</span>
                      <span className={styles.secondary}>MPN {item.partner.mpnId}</span>
                    </div>
                  </TableCell>
                  <TableCell>{item.benefit.name}</TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <span data-testid="assignee">{item.assignee?.name ?? intl.formatMessage({ id: 'console.queue.unassigned' })}</span>
                      {item.assignee?.engagementManager && (
                        <span className={styles.secondary}>
                          <FormattedMessage id="console.queue.engagementManager" />
                        </span>
                      )}
                      {item.lastContactAt && (
                        <span className={styles.secondary}>
                          {intl.formatMessage({ id: 'console.queue.lastContact' }, { time: intl.formatDate(item.lastContactAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                        </span>
                      )}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      {item.assignee?.id !== operator.id && (
                        <Button size="small" disabled={assign.isPending} aria-label={label(intl.formatMessage({ id: 'console.queue.assignToMe' }))} onClick={() => assignToMe(item)}>
                          <FormattedMessage id="console.queue.assignToMe" />
                        </Button>
                      )}
                      {manager && (
                        <Button size="small" aria-label={label(intl.formatMessage({ id: 'console.queue.assign' }))} onClick={() => setDialog({ type: 'assign', item })}>
                          <FormattedMessage id="console.queue.assign" />
                        </Button>
                      )}
                      <Button size="small" aria-label={label(intl.formatMessage({ id: 'console.queue.recordContact' }))} onClick={() => setDialog({ type: 'contact', item })}>
                        <FormattedMessage id="console.queue.recordContact" />
                      </Button>
                      {item.kind === 'technical-request' && (
                        <>
                          <Button size="small" aria-label={label(intl.formatMessage({ id: 'console.queue.move' }))} onClick={() => setDialog({ type: 'move', item })}>
                            <FormattedMessage id="console.queue.move" />
                          </Button>
                          <Button size="small" aria-label={label(intl.formatMessage({ id: 'console.queue.message' }))} onClick={() => setDialog({ type: 'message', item })}>
                            <FormattedMessage id="console.queue.message" />
                          </Button>
                        </>
                      )}
                      {item.kind === 'sponsorship' && (
                        <>
                          <Button size="small" aria-label={label(intl.formatMessage({ id: 'console.queue.provision' }))} onClick={() => setDialog({ type: 'provision', item })}>
                            <FormattedMessage id="console.queue.provision" />
                          </Button>
                          <Button size="small" aria-label={label(intl.formatMessage({ id: 'console.queue.decline' }))} onClick={() => setDialog({ type: 'decline', item })}>
                            <FormattedMessage id="console.queue.decline" />
                          </Button>
                        </>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </PagedList>
      {dialog?.type === 'assign' && <AssignDialog item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.type === 'contact' && <ContactDialog item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.type === 'move' && <MoveDialog item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.type === 'message' && <MessageDialog item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.type === 'provision' && <ProvisionDialog item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.type === 'decline' && <DeclineDialog item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}
