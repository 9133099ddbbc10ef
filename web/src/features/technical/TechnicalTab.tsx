import {
  Badge,
  Button,
  Card,
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
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router';
import { useApiList } from '../../api/queries.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { useDialog } from '../../app/dialogs.ts';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { NewRequestDialog } from './RequestForm.tsx';
import { requestPath, type RequestStatus, type RequestSummary, type TechnicalBenefit } from './types.ts';
import { BenefitCells } from '../rewards/BenefitCells.tsx';

export const STATUS_COLOR: Record<RequestStatus, BadgeProps['color']> = {
  submitted: 'informative',
  'in-review': 'brand',
  'action-required': 'warning',
  scheduled: 'brand',
  completed: 'success',
  declined: 'danger',
  cancelled: 'subtle',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]} data-testid="request-status" data-status={status}>
      <FormattedMessage id={`technicalPage.status.${status}`} />
    </Badge>
  );
}

/** The Technical benefits tab: what is left of each benefit, the request form, and the requests made. */
export function TechnicalTab() {
  const intl = useIntl();
  const benefitsRead = useApiList('/api/v1/rewards/technical-benefits');
  const requestsRead = useApiList('/api/v1/rewards/technical-requests');
  const dialog = useDialog<true>();
  const benefits = benefitsRead.data?.items;
  const requests = requestsRead.data?.items;
  const canRequest = benefits?.some((benefit) => benefit.abilities.request) ?? false;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, paddingTop: 8 }} data-testid="technical-tab">
      <ErrorMessage error={benefitsRead.error ?? requestsRead.error} />
      {!benefits && !benefitsRead.error && <Spinner label={intl.formatMessage({ id: 'web.loading' })} />}
      {benefits && <TechnicalBenefitTable benefits={benefits} />}
      {benefits && (
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <Button appearance="primary" disabled={!canRequest} onClick={() => dialog.open(true)}>
            <FormattedMessage id="technicalPage.request" />
          </Button>
          {!canRequest && benefits.length > 0 && (
            <Text size={200}>
              <FormattedMessage id="technicalPage.nothingLeft" />
            </Text>
          )}
        </div>
      )}
      {dialog.value && <NewRequestDialog onClose={dialog.close} />}
      {requests && <RequestList requests={requests} />}
    </div>
  );
}

function Remaining({ benefit }: { benefit: TechnicalBenefit }) {
  return (
    <>
      <Text data-testid="remaining">
        <FormattedMessage id={`technicalPage.remaining.${benefit.unit}`} values={{ remaining: benefit.remaining, total: benefit.total }} />
      </Text>
      {benefit.reserved > 0 && (
        <>
          <br />
          <Text size={200} data-testid="reserved">
            <FormattedMessage id={`technicalPage.reserved.${benefit.unit}`} values={{ reserved: benefit.reserved }} />
          </Text>
        </>
      )}
      {benefit.unit === 'hours' && (
        <>
          <br />
          <Text size={200}>
            <FormattedMessage id="technicalPage.perRequest.hours" values={{ perRequest: benefit.perRequest }} />
          </Text>
        </>
      )}
    </>
  );
}

function TechnicalBenefitTable({ benefits }: { benefits: TechnicalBenefit[] }) {
  const intl = useIntl();
  const tables = useTableStyles();
  if (benefits.length === 0) {
    return (
      <Text as="p">
        <FormattedMessage id="rewards.noBenefits" />
      </Text>
    );
  }
  const label = intl.formatMessage({ id: 'technicalPage.benefitsLabel' });
  return (
    <TableScroll label={label}>
      <Table aria-label={label} data-testid="benefits-technical" className={tables.autoLayout}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={tables.leadColumn}>
              <FormattedMessage id="rewards.benefit" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="rewards.status" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="technicalPage.remaining" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="rewards.unlocked" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="rewards.expires" />
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {benefits.map((benefit) => (
            <TableRow key={benefit.id} data-testid={`benefit-${benefit.code}`}>
              <BenefitCells benefit={benefit} />
              <TableCell>
                <Remaining benefit={benefit} />
              </TableCell>
              <TableCell>
                <FormattedDate value={benefit.unlockedAt} dateStyle="medium" />
              </TableCell>
              <TableCell>
                {benefit.expiresAt ? <FormattedDate value={benefit.expiresAt} dateStyle="medium" /> : <FormattedMessage id="rewards.noExpiry" />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function RequestList({ requests }: { requests: RequestSummary[] }) {
  const intl = useIntl();
  const tables = useTableStyles();
  return (
    <Card>
      <Title3 as="h3">
        <FormattedMessage id="technicalPage.requests" />
      </Title3>
      {requests.length === 0 ? (
        <Text as="p" style={{ margin: 0 }}>
          <FormattedMessage id="technicalPage.requests.none" />
        </Text>
      ) : (
        <TableScroll label={intl.formatMessage({ id: 'technicalPage.requests' })}>
          <Table aria-label={intl.formatMessage({ id: 'technicalPage.requests' })} data-testid="technical-requests" className={tables.autoLayout}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>
                  <FormattedMessage id="technicalPage.reference" />
                </TableHeaderCell>
                <TableHeaderCell>
                  <FormattedMessage id="technicalPage.title" />
                </TableHeaderCell>
                <TableHeaderCell>
                  <FormattedMessage id="technicalPage.offer" />
                </TableHeaderCell>
                <TableHeaderCell>
                  <FormattedMessage id="rewards.status" />
                </TableHeaderCell>
                <TableHeaderCell>
                  <FormattedMessage id="technicalPage.updated" />
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requests.map((request) => (
                <TableRow key={request.id} data-testid={`request-${request.reference}`}>
                  <TableCell>
                    <RouterLink to={requestPath(request.id)}>{request.reference}</RouterLink>
                  </TableCell>
                  <TableCell>{request.title}</TableCell>
                  <TableCell>{request.offerName}</TableCell>
                  <TableCell>
                    <RequestStatusBadge status={request.status} />
                  </TableCell>
                  <TableCell>
                    <FormattedDate value={request.updatedAt} dateStyle="medium" timeStyle="short" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </Card>
  );
}
