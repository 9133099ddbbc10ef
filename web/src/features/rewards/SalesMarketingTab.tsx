import { Button, makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { PREFETCHED_FRESH_MS, useApiList, useApiMutation, useApiQuery, type ReadData } from '../../api/queries.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { SectionError } from '../../app/SectionError.tsx';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { BenefitCells } from './BenefitCells.tsx';
import { MarketingContactCard } from './MarketingContactCard.tsx';

type Benefit = ReadData<'/api/v1/rewards/benefits'>['items'][number];
type Activation = ReadData<'/api/v1/rewards/activations'>['items'][number];

const useStyles = makeStyles({
  benefitColumn: { width: '45%', minWidth: '220px' },
});

/** The Sales and Marketing tab: the contact the Rewards team calls, and the benefits to activate. */
export function SalesMarketingTab({
  benefitsRead,
  onAnnounce,
}: {
  benefitsRead: ReturnType<typeof useApiList<'/api/v1/rewards/benefits'>>;
  onAnnounce: (text: string) => void;
}) {
  const intl = useIntl();
  // Started with the page (RewardsPage prefetches them): not read a second time as the tab appears.
  const contactRead = useApiQuery('/api/v1/rewards/marketing-contact', undefined, { staleTime: PREFETCHED_FRESH_MS });
  const activationsRead = useApiList('/api/v1/rewards/activations', undefined, { staleTime: PREFETCHED_FRESH_MS });
  const [justActivated, setJustActivated] = useState<string | null>(null);
  // Activating changes the benefit's status, adds an activation, and may change the summary.
  const activation = useApiMutation('post', '/api/v1/rewards/benefits/{id}/activation', {
    invalidates: ['/api/v1/rewards/benefits', '/api/v1/rewards/activations', '/api/v1/rewards'],
  });

  // Drawn as a transition once all three are here (see RewardsPage): the table is the page's largest part.
  const benefits = useDeferredValue(contactRead.data && activationsRead.data ? benefitsRead.data?.items : undefined);
  const failed = contactRead.error ?? activationsRead.error ?? benefitsRead.error;
  if (failed) {
    return (
      <SectionError
        error={failed}
        onRetry={() => void Promise.all([contactRead.refetch(), activationsRead.refetch(), benefitsRead.refetch()])}
      />
    );
  }
  // The benefits show with their activations and the contact, so the tab waits for all three.
  if (!contactRead.data || !activationsRead.data || !benefits) return <Spinner size="small" label={intl.formatMessage({ id: 'web.loading' })} />;
  const contact = contactRead.data.contact;

  const activate = (benefit: Benefit) =>
    activation.mutate(
      { params: { path: { id: benefit.id } } },
      {
        onSuccess: (result) => {
          setJustActivated(benefit.id);
          onAnnounce(
            intl.formatMessage(
              { id: 'rewards.activation.announced' },
              { name: benefit.name, email: result.contactEmail, due: intl.formatDate(result.dueAt, { dateStyle: 'long' }) },
            ),
          );
        },
      },
    );
  return (
    <>
      <MarketingContactCard contact={contact} />
      <ErrorMessage error={activation.error} />
      <BenefitTable
        benefits={benefits.filter((b) => b.category === 'sales-marketing')}
        activations={activationsRead.data.items}
        justActivated={justActivated}
        busy={activation.isPending}
        onActivate={activate}
      />
    </>
  );
}

function BenefitTable({
  benefits,
  activations,
  justActivated,
  busy,
  onActivate,
}: {
  benefits: Benefit[];
  activations: Activation[];
  justActivated: string | null;
  busy: boolean;
  onActivate: (benefit: Benefit) => void;
}) {
  const intl = useIntl();
  const styles = useStyles();
  const tables = useTableStyles();
  if (benefits.length === 0) {
    return (
      <Text as="p">
        <FormattedMessage id="rewards.noBenefits" />
      </Text>
    );
  }
  const label = intl.formatMessage({ id: 'rewards.category.sales-marketing' });
  return (
    <TableScroll label={label}>
      <Table aria-label={label} data-testid="benefits-sales-marketing" className={tables.autoLayout}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.benefitColumn}>
              <FormattedMessage id="rewards.benefit" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="rewards.status" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="rewards.unlocked" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="rewards.expires" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="users.actions" />
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {benefits.map((benefit) => (
            <TableRow key={benefit.id} data-testid={`benefit-${benefit.code}`}>
              <BenefitCells benefit={benefit} />
              <TableCell className={tables.nowrap}>
                <FormattedDate value={benefit.unlockedAt} dateStyle="medium" />
              </TableCell>
              <TableCell className={tables.nowrap}>
                {benefit.expiresAt ? <FormattedDate value={benefit.expiresAt} dateStyle="medium" /> : <FormattedMessage id="rewards.noExpiry" />}
              </TableCell>
              <TableCell>
                <ActivationCell
                  benefit={benefit}
                  activation={activations.find((a) => a.benefitId === benefit.id)}
                  focus={justActivated === benefit.id}
                  busy={busy}
                  onActivate={onActivate}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function ActivationCell({
  benefit,
  activation,
  focus,
  busy,
  onActivate,
}: {
  benefit: Benefit;
  activation: Activation | undefined;
  focus: boolean;
  busy: boolean;
  onActivate: (benefit: Benefit) => void;
}) {
  const intl = useIntl();
  const status = useRef<HTMLSpanElement>(null);
  // The Activate button pressed is replaced by what it did: focus goes there, not to the page's top.
  useEffect(() => {
    if (focus && activation) status.current?.focus();
  }, [focus, activation]);
  if (activation) {
    return (
      <Text size={200} data-testid="activation-due" ref={status} tabIndex={-1}>
        <FormattedMessage
          id={activation.status === 'open' ? 'rewards.activation.due' : 'rewards.activation.contacted'}
          values={{
            activated: <FormattedDate value={activation.activatedAt} dateStyle="medium" />,
            due: <FormattedDate value={activation.dueAt} dateStyle="long" />,
            contacted: activation.contactedAt ? <FormattedDate value={activation.contactedAt} dateStyle="medium" /> : '',
            email: activation.contactEmail,
          }}
        />
      </Text>
    );
  }
  if (!benefit.abilities.activate) return null;
  return (
    <Button
      size="small"
      appearance="primary"
      disabled={busy}
      onClick={() => onActivate(benefit)}
      aria-label={intl.formatMessage({ id: 'rewards.activateBenefit' }, { name: benefit.name })}
    >
      <FormattedMessage id="rewards.activate" />
    </Button>
  );
}
