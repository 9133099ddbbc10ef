import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Card,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import type { ReadData } from '../../api/queries.ts';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import type { MessageId } from '../../i18n/catalogs.ts';

type Summary = ReadData<'/api/v1/rewards'>;

const usd = (value: string) => <FormattedNumber value={Number(value)} style="currency" currency="USD" />;

const useStyles = makeStyles({
  figures: { display: 'flex', flexWrap: 'wrap', columnGap: '32px', rowGap: '12px', margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  figureLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  figureValue: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  details: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: '24px', rowGap: '8px', margin: 0 },
});

/** One figure of the summary: its name above, its value below (a term and its description). */
function Figure({ label, testId, children }: { label: MessageId; testId?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.figure}>
      <dt className={styles.figureLabel}>
        <FormattedMessage id={label} />
      </dt>
      <dd className={styles.figureValue} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Where the account stands, at a glance; the reasons fold open on request. */
export function SummaryCard({ summary }: { summary: Summary }) {
  const intl = useIntl();
  const styles = useStyles();
  const tables = useTableStyles();
  return (
    <Card data-testid="rewards-summary">
      <dl className={styles.figures}>
        <Figure label="rewards.partnerAccount">
          {summary.partnerAccount.name}{' '}
          <Text size={200} weight="regular">
            <FormattedMessage id="home.mpnId" values={{ mpnId: summary.partnerAccount.mpnId }} />
          </Text>
        </Figure>
        <Figure label="rewards.tier" testId="tier">
          {summary.tier ? <Badge appearance="filled">{summary.tier.name}</Badge> : <FormattedMessage id="rewards.noTier" />}
        </Figure>
        <Figure label="rewards.billedSalesTtm" testId="billed-sales-ttm">
          {usd(summary.billedSalesTtmUsd)}
        </Figure>
        <Figure label="rewards.nextTier" testId="next-tier">
          {summary.nextTier ? (
            <FormattedMessage id="rewards.nextTierMissing" values={{ tier: summary.nextTier.name, missing: usd(summary.nextTier.missingUsd) }} />
          ) : (
            <FormattedMessage id="eligibility.explain.topTier" />
          )}
        </Figure>
      </dl>
      <Accordion collapsible>
        <AccordionItem value="why">
          <AccordionHeader as="h2" size="medium">
            <FormattedMessage id="rewards.why" />
          </AccordionHeader>
          <AccordionPanel>
            <div style={{ display: 'flex', flexDirection: 'column', gap: 12, paddingBottom: 8 }}>
              <Text as="p" style={{ margin: 0 }}>
                {summary.explanation.tier} {summary.explanation.nextTier}
              </Text>
              <dl className={styles.details}>
                <dt>
                  <FormattedMessage id="rewards.liveOffers" />
                </dt>
                <dd style={{ margin: 0 }}>
                  <FormattedMessage id="rewards.liveOffersByType" values={summary.liveOffers} />
                </dd>
                <dt>
                  <FormattedMessage id="rewards.publisherProfiles" />
                </dt>
                <dd style={{ margin: 0 }}>{summary.publisherProfiles.map((p) => p.name).join(', ') || '—'}</dd>
              </dl>
              {summary.explanation.excludedSales.length > 0 && (
                <ul style={{ margin: 0 }}>
                  {summary.explanation.excludedSales.map((row) => (
                    <li key={row.status}>
                      <FormattedMessage id="rewards.excludedLine" values={{ lines: row.lines, amount: usd(row.amountUsd) }} /> {row.reason}
                    </li>
                  ))}
                </ul>
              )}
              <TableScroll label={intl.formatMessage({ id: 'rewards.countedOffers' })}>
                <Table aria-label={intl.formatMessage({ id: 'rewards.countedOffers' })} size="small" className={tables.autoLayout}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>
                        <FormattedMessage id="rewards.offer" />
                      </TableHeaderCell>
                      <TableHeaderCell>
                        <FormattedMessage id="rewards.listingType" />
                      </TableHeaderCell>
                      <TableHeaderCell>
                        <FormattedMessage id="rewards.publisherProfile" />
                      </TableHeaderCell>
                      <TableHeaderCell>
                        <FormattedMessage id="rewards.billedSalesTtm" />
                      </TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {summary.explanation.countedOffers.map((offer) => (
                      <TableRow key={offer.id}>
                        <TableCell>{offer.name}</TableCell>
                        <TableCell>
                          <FormattedMessage id={`rewards.listingType.${offer.listingType}`} />
                        </TableCell>
                        <TableCell>{summary.explanation.profiles.find((p) => p.id === offer.publisherProfileId)?.name ?? offer.publisherProfileId}</TableCell>
                        <TableCell className={tables.nowrap}>{usd(offer.billedSalesTtmUsd)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Card>
  );
}
