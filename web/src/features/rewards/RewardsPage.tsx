import {
  Badge,
  Button,
  Card,
  CardHeader,
  Spinner,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
} from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { Navigate, useParams } from 'react-router';
import { useApiMutation, useApiList, useApiQuery, type ReadData } from '../../api/queries.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { useSignedIn } from '../../app/session.tsx';
import { SponsorshipsCard } from '../technical/SponsorshipsCard.tsx';
import { TechnicalTab } from '../technical/TechnicalTab.tsx';
import { MarketingContactCard } from './MarketingContactCard.tsx';
import { BenefitCells } from './BenefitCells.tsx';

type Summary = ReadData<'/api/v1/rewards'>;
type Benefit = ReadData<'/api/v1/rewards/benefits'>['items'][number];
type Category = Benefit['category'];
type Activation = ReadData<'/api/v1/rewards/activations'>['items'][number];
const CATEGORIES: Category[] = ['sales-marketing', 'technical', 'sponsorship'];
/** /rewards/technical and /rewards/sponsorships open their tab (the emails link there). */
const TAB_OF_PATH: Record<string, Category> = { technical: 'technical', sponsorships: 'sponsorship' };

const usd = (value: string) => <FormattedNumber value={Number(value)} style="currency" currency="USD" />;

/** Marketplace Rewards: where the account stands, why, and the benefits it has unlocked. */
export function RewardsPage() {
  const me = useSignedIn();
  const intl = useIntl();
  const { tab } = useParams();
  const [category, setCategory] = useState<Category>((tab ? TAB_OF_PATH[tab] : undefined) ?? 'sales-marketing');
  const visible = { enabled: me.navigation.marketplaceRewards };
  const summaryRead = useApiQuery('/api/v1/rewards', undefined, visible);
  const benefitsRead = useApiList('/api/v1/rewards/benefits', undefined, visible);
  const contactRead = useApiQuery('/api/v1/rewards/marketing-contact', undefined, visible);
  const activationsRead = useApiList('/api/v1/rewards/activations', undefined, visible);
  // Activating changes the benefit's status, adds an activation, and may change the summary.
  const activation = useApiMutation('post', '/api/v1/rewards/benefits/{id}/activation', {
    invalidates: ['/api/v1/rewards/benefits', '/api/v1/rewards/activations', '/api/v1/rewards'],
  });

  const summary = summaryRead.data;
  // The benefits card shows the benefits with their activations and the contact, so it waits for all three.
  const benefits = contactRead.data && activationsRead.data && benefitsRead.data?.items;
  const contact = contactRead.data?.contact ?? null;
  const activations = activationsRead.data?.items ?? [];
  const error = summaryRead.error ?? benefitsRead.error ?? contactRead.error ?? activationsRead.error;

  if (!me.navigation.marketplaceRewards || !me.partnerAccount) return <Navigate to="/help/rewards-visibility" replace />;
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 1100 }}>
      <Title2 as="h1">
        <FormattedMessage id="rewards.title" />
      </Title2>
      <ErrorMessage error={error} />
      {!summary && !error && <Spinner label={intl.formatMessage({ id: 'web.loading' })} />}
      {summary && <SummaryCards summary={summary} />}
      {benefits && (
        <Card>
          <Title3 as="h2">
            <FormattedMessage id="rewards.benefits" />
          </Title3>
          <TabList selectedValue={category} onTabSelect={(_, data) => setCategory(data.value as Category)}>
            {CATEGORIES.map((value) => (
              <Tab key={value} value={value}>
                <FormattedMessage id={`rewards.category.${value}`} />
                {` (${benefits.filter((b) => b.category === value).length})`}
              </Tab>
            ))}
          </TabList>
          {category === 'sales-marketing' && (
            <>
              <MarketingContactCard contact={contact} />
              <ErrorMessage error={activation.error} />
            </>
          )}
          {category === 'technical' && <TechnicalTab />}
          {category === 'sponsorship' && <SponsorshipsCard />}
          {category === 'sales-marketing' && (
            <BenefitTable
              benefits={benefits.filter((b) => b.category === category)}
              category={category}
              activations={activations}
              onActivate={(benefit) => activation.mutate({ params: { path: { id: benefit.id } } })}
            />
          )}
        </Card>
      )}
    </section>
  );
}

function SummaryCards({ summary }: { summary: Summary }) {
  const intl = useIntl();
  return (
    <>
      <Card data-testid="rewards-summary">
        <CardHeader
          header={<Text weight="semibold">{summary.partnerAccount.name}</Text>}
          description={<FormattedMessage id="home.mpnId" values={{ mpnId: summary.partnerAccount.mpnId }} />}
        />
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 24, rowGap: 8, margin: 0 }}>
          <dt>
            <FormattedMessage id="rewards.billedSalesTtm" />
          </dt>
          <dd style={{ margin: 0 }} data-testid="billed-sales-ttm">
            {usd(summary.billedSalesTtmUsd)}
          </dd>
          <dt>
            <FormattedMessage id="rewards.tier" />
          </dt>
          <dd style={{ margin: 0 }} data-testid="tier">
            {summary.tier ? <Badge appearance="filled">{summary.tier.name}</Badge> : <FormattedMessage id="rewards.noTier" />}
          </dd>
          <dt>
            <FormattedMessage id="rewards.nextTier" />
          </dt>
          <dd style={{ margin: 0 }} data-testid="next-tier">
            {summary.nextTier ? (
              <FormattedMessage
                id="rewards.nextTierMissing"
                values={{ tier: summary.nextTier.name, missing: usd(summary.nextTier.missingUsd) }}
              />
            ) : (
              <FormattedMessage id="eligibility.explain.topTier" />
            )}
          </dd>
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
      </Card>
      <Card>
        <Title3 as="h2">
          <FormattedMessage id="rewards.why" />
        </Title3>
        <Text as="p" style={{ margin: 0 }}>
          {summary.explanation.tier} {summary.explanation.nextTier}
        </Text>
        {summary.explanation.excludedSales.length > 0 && (
          <ul style={{ margin: 0 }}>
            {summary.explanation.excludedSales.map((row) => (
              <li key={row.status}>
                <FormattedMessage id="rewards.excludedLine" values={{ lines: row.lines, amount: usd(row.amountUsd) }} /> {row.reason}
              </li>
            ))}
          </ul>
        )}
        <Table aria-label={intl.formatMessage({ id: 'rewards.countedOffers' })} size="small">
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
                <TableCell>{usd(offer.billedSalesTtmUsd)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </>
  );
}

function BenefitTable({
  benefits,
  category,
  activations,
  onActivate,
}: {
  benefits: Benefit[];
  category: Category;
  activations: Activation[];
  onActivate: (benefit: Benefit) => void;
}) {
  const intl = useIntl();
  if (benefits.length === 0) {
    return (
      <Text as="p">
        <FormattedMessage id="rewards.noBenefits" />
      </Text>
    );
  }
  return (
    <Table aria-label={intl.formatMessage({ id: `rewards.category.${category}` })} data-testid={`benefits-${category}`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>
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
          {category === 'sales-marketing' && (
            <TableHeaderCell>
              <FormattedMessage id="users.actions" />
            </TableHeaderCell>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {benefits.map((benefit) => (
          <TableRow key={benefit.id} data-testid={`benefit-${benefit.code}`}>
            <BenefitCells benefit={benefit} />
            <TableCell>
              <FormattedDate value={benefit.unlockedAt} dateStyle="medium" />
            </TableCell>
            <TableCell>
              {benefit.expiresAt ? <FormattedDate value={benefit.expiresAt} dateStyle="medium" /> : <FormattedMessage id="rewards.noExpiry" />}
            </TableCell>
            {category === 'sales-marketing' && (
              <TableCell>
                <ActivationCell benefit={benefit} activation={activations.find((a) => a.benefitId === benefit.id)} onActivate={onActivate} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ActivationCell({ benefit, activation, onActivate }: { benefit: Benefit; activation: Activation | undefined; onActivate: (benefit: Benefit) => void }) {
  const intl = useIntl();
  if (activation) {
    return (
      <Text size={200} data-testid="activation-due">
        <FormattedMessage
          id={activation.status === 'open' ? 'rewards.activation.due' : 'rewards.activation.contacted'}
          values={{ due: <FormattedDate value={activation.dueAt} dateStyle="long" />, email: activation.contactEmail }}
        />
      </Text>
    );
  }
  if (!benefit.abilities.activate) return null;
  return (
    <Button size="small" appearance="primary" onClick={() => onActivate(benefit)} aria-label={intl.formatMessage({ id: 'rewards.activateBenefit' }, { name: benefit.name })}>
      <FormattedMessage id="rewards.activate" />
    </Button>
  );
}
