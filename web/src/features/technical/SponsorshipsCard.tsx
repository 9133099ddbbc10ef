import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  type BadgeProps,
} from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { useApiList, useApiMutation } from '../../api/queries.ts';
import { ErrorMessage, fieldValidation } from '../../app/ErrorMessage.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { useDialog } from '../../app/dialogs.ts';
import type { BillingType, LedgerEntry, Sponsorship } from './types.ts';

const usd = (value: string) => <FormattedNumber value={Number(value)} style="currency" currency="USD" />;

const STATUS_COLOR: Record<Sponsorship['status'], BadgeProps['color']> = {
  unlocked: 'success',
  requested: 'informative',
  active: 'brand',
  exhausted: 'subtle',
  expired: 'subtle',
  revoked: 'danger',
};

const SPONSORSHIP_READS = ['/api/v1/rewards/sponsorships', '/api/v1/rewards/sponsorships/ledger', '/api/v1/rewards/benefits'] as const;

/** The sponsorship credits (they stack), what is left in all, provisioning requests, and the ledger. */
export function SponsorshipsCard() {
  const intl = useIntl();
  const read = useApiList('/api/v1/rewards/sponsorships');
  const ledgerRead = useApiList('/api/v1/rewards/sponsorships/ledger');
  const dialog = useDialog<Sponsorship>();
  const data = read.data;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, paddingTop: 8 }} data-testid="sponsorships">
      <Card>
        <Title3 as="h3">
          <FormattedMessage id="sponsorshipPage.title" />
        </Title3>
        <ErrorMessage error={read.error} />
        {!data && !read.error && <Spinner label={intl.formatMessage({ id: 'web.loading' })} />}
        {data && (
          <>
            <Text as="p" style={{ margin: 0 }} data-testid="sponsorship-total">
              <FormattedMessage id="sponsorshipPage.totalRemaining" values={{ amount: usd(data.totalRemainingUsd) }} />
            </Text>
            {data.items.length === 0 ? (
              <Text as="p" style={{ margin: 0 }}>
                <FormattedMessage id="sponsorshipPage.none" />
              </Text>
            ) : (
              <SponsorshipTable sponsorships={data.items} onRequest={dialog.open} />
            )}
          </>
        )}
      </Card>
      {dialog.value && data && <ProvisioningDialog sponsorship={dialog.value} billingTypes={data.billingTypes} onClose={dialog.close} />}
      <Card>
        <Title3 as="h3">
          <FormattedMessage id="sponsorshipPage.ledger" />
        </Title3>
        <ErrorMessage error={ledgerRead.error} />
        {ledgerRead.data && <Ledger entries={ledgerRead.data.items} sponsorships={data?.items ?? []} />}
      </Card>
    </div>
  );
}

function SponsorshipTable({ sponsorships, onRequest }: { sponsorships: Sponsorship[]; onRequest: (sponsorship: Sponsorship) => void }) {
  const intl = useIntl();
  const tables = useTableStyles();
  return (
    <TableScroll label={intl.formatMessage({ id: 'sponsorshipPage.label' })}>
      <Table aria-label={intl.formatMessage({ id: 'sponsorshipPage.label' })} data-testid="sponsorship-table" className={tables.autoLayout}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.name" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.amount" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.remaining" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="rewards.status" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="rewards.unlocked" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.activeFrom" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.expires" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.subscription" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="technicalPage.actions" />
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sponsorships.map((sponsorship) => (
            <TableRow key={sponsorship.id} data-testid={`sponsorship-${sponsorship.code}`}>
              <TableCell>
                <Text weight="semibold">{sponsorship.name}</Text>
              </TableCell>
              <TableCell>{usd(sponsorship.amountUsd)}</TableCell>
              <TableCell>{usd(sponsorship.remainingUsd)}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={STATUS_COLOR[sponsorship.status]} data-testid="sponsorship-status" data-status={sponsorship.status}>
                  <FormattedMessage id={`sponsorshipPage.status.${sponsorship.status}`} />
                </Badge>
              </TableCell>
              <TableCell>
                <FormattedDate value={sponsorship.unlockedAt} dateStyle="medium" />
              </TableCell>
              <TableCell>{sponsorship.activeFrom ? <FormattedDate value={sponsorship.activeFrom} dateStyle="medium" /> : '—'}</TableCell>
              <TableCell>
                {!sponsorship.expiresAt ? (
                  <FormattedMessage id="rewards.noExpiry" />
                ) : sponsorship.status === 'unlocked' ? (
                  // Before it is active, the date is the last day to request it.
                  <FormattedMessage id="sponsorshipPage.requestBy" values={{ date: <FormattedDate value={sponsorship.expiresAt} dateStyle="medium" /> }} />
                ) : (
                  <FormattedDate value={sponsorship.expiresAt} dateStyle="medium" />
                )}
              </TableCell>
              <TableCell>
                <Text font="monospace" size={200}>
                  {sponsorship.subscriptionId ?? '—'}
                </Text>
              </TableCell>
              <TableCell>
                {sponsorship.abilities.requestProvisioning && (
                  <Button
                    size="small"
                    appearance="primary"
                    onClick={() => onRequest(sponsorship)}
                    aria-label={intl.formatMessage({ id: 'sponsorshipPage.requestOf' }, { name: sponsorship.name })}
                  >
                    <FormattedMessage id="sponsorshipPage.request" />
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function ProvisioningDialog({ sponsorship, billingTypes, onClose }: { sponsorship: Sponsorship; billingTypes: BillingType[]; onClose: () => void }) {
  const intl = useIntl();
  const [subscriptionId, setSubscriptionId] = useState('');
  const [billingType, setBillingType] = useState('');
  const request = useApiMutation('post', '/api/v1/rewards/sponsorships/{id}/provisioning-request', { invalidates: SPONSORSHIP_READS });
  const { error, busy, submit } = useFormSubmit(
    () => request.mutateAsync({ params: { path: { id: sponsorship.id } }, body: { subscriptionId: subscriptionId.trim(), billingType } }),
    { onDone: onClose },
  );
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'sponsorshipPage.requestOf' }, { name: sponsorship.name })}
      submitLabel={intl.formatMessage({ id: 'sponsorshipPage.request' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Field
        label={intl.formatMessage({ id: 'sponsorshipPage.subscriptionId' })}
        hint={intl.formatMessage({ id: 'sponsorshipPage.subscriptionIdHint' })}
        required
        {...fieldValidation(error, 'subscriptionId')}
      >
        <Input name="subscriptionId" value={subscriptionId} autoComplete="off" spellCheck={false} onChange={(_, data) => setSubscriptionId(data.value)} />
      </Field>
      <Field label={intl.formatMessage({ id: 'sponsorshipPage.billingType' })} required {...fieldValidation(error, 'billingType')}>
        <RadioGroup name="billingType" value={billingType} onChange={(_, data) => setBillingType(data.value)}>
          {billingTypes.map((type) => (
            // An excluded type is listed with why, so the partner learns it before asking; the server refuses it with the same reason.
            <Radio
              key={type.code}
              value={type.code}
              label={
                type.allowed ? (
                  type.name
                ) : (
                  <>
                    {type.name}
                    <br />
                    <Text size={200}>{type.refusal}</Text>
                  </>
                )
              }
            />
          ))}
        </RadioGroup>
      </Field>
    </FormDialog>
  );
}

function Ledger({ entries, sponsorships }: { entries: LedgerEntry[]; sponsorships: Sponsorship[] }) {
  const intl = useIntl();
  const tables = useTableStyles();
  if (entries.length === 0) {
    return (
      <Text as="p" style={{ margin: 0 }}>
        <FormattedMessage id="sponsorshipPage.ledger.none" />
      </Text>
    );
  }
  const nameOf = (id: string | null) => sponsorships.find((s) => s.id === id)?.name;
  return (
    <TableScroll label={intl.formatMessage({ id: 'sponsorshipPage.ledger' })}>
      <Table aria-label={intl.formatMessage({ id: 'sponsorshipPage.ledger' })} size="small" data-testid="sponsorship-ledger" className={tables.autoLayout}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.ledger.date" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.ledger.kind" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.name" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.amount" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.ledger.balance" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.subscription" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="sponsorshipPage.ledger.usageLine" />
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id} data-kind={entry.kind}>
              <TableCell>
                <FormattedDate value={entry.usedAt ?? entry.occurredAt} dateStyle="medium" />
              </TableCell>
              <TableCell>
                <FormattedMessage id={`sponsorshipPage.kind.${entry.kind}`} />
              </TableCell>
              <TableCell>{nameOf(entry.sponsorshipId) ?? '—'}</TableCell>
              <TableCell>{usd(entry.amountUsd)}</TableCell>
              <TableCell>{entry.balanceUsd === null ? '—' : usd(entry.balanceUsd)}</TableCell>
              <TableCell>
                <Text font="monospace" size={200}>
                  {entry.subscriptionId ?? '—'}
                </Text>
              </TableCell>
              <TableCell>
                <Text font="monospace" size={200}>
                  {entry.usageLineId ?? '—'}
                </Text>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
