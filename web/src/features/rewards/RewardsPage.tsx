import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Card,
  makeStyles,
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
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useApiMutation, useApiList, useApiQuery, type ReadData } from '../../api/queries.ts';
import { useDocumentTitle } from '../../app/dialogs.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { lazyComponent } from '../../app/lazy.tsx';
import { SectionError } from '../../app/SectionError.tsx';
import { useSignedIn } from '../../app/session.tsx';
import { TableScroll } from '../../app/TableScroll.tsx';
import { BenefitCells } from './BenefitCells.tsx';
import { MarketingContactCard } from './MarketingContactCard.tsx';

type Summary = ReadData<'/api/v1/rewards'>;
type Benefit = ReadData<'/api/v1/rewards/benefits'>['items'][number];
type Category = Benefit['category'];
type Activation = ReadData<'/api/v1/rewards/activations'>['items'][number];
const CATEGORIES: Category[] = ['sales-marketing', 'technical', 'sponsorship'];
/** Each tab has its address (the emails link to /rewards/technical and /rewards/sponsorships). */
const PATH_OF_TAB: Record<Category, string> = { 'sales-marketing': '/rewards', technical: '/rewards/technical', sponsorship: '/rewards/sponsorships' };
const TAB_OF_PATH: Record<string, Category> = { technical: 'technical', sponsorships: 'sponsorship' };

// The other tabs' code is fetched when a tab is first opened (or the address names it).
const TechnicalTab = lazyComponent(() => import('../technical/TechnicalTab.tsx').then((m) => m.TechnicalTab));
const SponsorshipsCard = lazyComponent(() => import('../technical/SponsorshipsCard.tsx').then((m) => m.SponsorshipsCard));

const usd = (value: string) => <FormattedNumber value={Number(value)} style="currency" currency="USD" />;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1100px' },
  figures: { display: 'flex', flexWrap: 'wrap', columnGap: '32px', rowGap: '12px', margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  figureLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  figureValue: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  details: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: '24px', rowGap: '8px', margin: 0 },
  benefitsTable: { tableLayout: 'auto' },
  // On a phone the three tabs take two lines rather than running off the card.
  tabs: { flexWrap: 'wrap' },
  benefitColumn: { width: '45%', minWidth: '220px' },
  nowrap: { whiteSpace: 'nowrap' },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** Marketplace Rewards: where the account stands, then the benefits to act on, then (on request) why. */
export function RewardsPage() {
  const me = useSignedIn();
  const intl = useIntl();
  const styles = useStyles();
  const navigate = useNavigate();
  const { tab } = useParams();
  const category: Category = (tab ? TAB_OF_PATH[tab] : undefined) ?? 'sales-marketing';
  const visible = { enabled: me.navigation.marketplaceRewards };
  const summaryRead = useApiQuery('/api/v1/rewards', undefined, visible);
  const benefitsRead = useApiList('/api/v1/rewards/benefits', undefined, visible);
  // Said once, politely, by screen readers: what an activation did (the button it was pressed on is gone).
  const [announcement, setAnnouncement] = useState('');
  useDocumentTitle(intl.formatMessage({ id: `rewards.category.${category}` }));

  if (!me.navigation.marketplaceRewards || !me.partnerAccount) return <Navigate to="/help/rewards-visibility" replace />;
  const benefits = benefitsRead.data?.items;
  return (
    <section className={styles.page}>
      <Title2 as="h1">
        <FormattedMessage id="rewards.title" />
      </Title2>
      <SectionError error={summaryRead.error} onRetry={() => void summaryRead.refetch()} />
      {!summaryRead.data && !summaryRead.error && <Spinner size="small" label={intl.formatMessage({ id: 'web.loading' })} />}
      {summaryRead.data && <SummaryCard summary={summaryRead.data} />}
      {/* The benefits come in once the summary above them has (or has failed), so they never jump down. */}
      {(summaryRead.data || summaryRead.error) && (
        <Card>
          <Title3 as="h2">
            <FormattedMessage id="rewards.benefits" />
          </Title3>
          <TabList className={styles.tabs} selectedValue={category} onTabSelect={(_, data) => void navigate(PATH_OF_TAB[data.value as Category])}>
            {CATEGORIES.map((value) => (
              <Tab key={value} value={value}>
                <FormattedMessage id={`rewards.category.${value}`} />
                {benefits && ` (${benefits.filter((b) => b.category === value).length})`}
              </Tab>
            ))}
          </TabList>
          {category === 'sales-marketing' && <SalesMarketingTab benefitsRead={benefitsRead} onAnnounce={setAnnouncement} />}
          {category === 'technical' && <TechnicalTab />}
          {category === 'sponsorship' && <SponsorshipsCard />}
        </Card>
      )}
      <div aria-live="polite" className={styles.visuallyHidden} data-testid="announcement">
        {announcement}
      </div>
    </section>
  );
}

/** Where the account stands, at a glance; the reasons fold open on request. */
function SummaryCard({ summary }: { summary: Summary }) {
  const intl = useIntl();
  const styles = useStyles();
  return (
    <Card data-testid="rewards-summary">
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>
            <FormattedMessage id="rewards.partnerAccount" />
          </dt>
          <dd className={styles.figureValue}>
            {summary.partnerAccount.name}{' '}
            <Text size={200} weight="regular">
              <FormattedMessage id="home.mpnId" values={{ mpnId: summary.partnerAccount.mpnId }} />
            </Text>
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>
            <FormattedMessage id="rewards.tier" />
          </dt>
          <dd className={styles.figureValue} data-testid="tier">
            {summary.tier ? <Badge appearance="filled">{summary.tier.name}</Badge> : <FormattedMessage id="rewards.noTier" />}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>
            <FormattedMessage id="rewards.billedSalesTtm" />
          </dt>
          <dd className={styles.figureValue} data-testid="billed-sales-ttm">
            {usd(summary.billedSalesTtmUsd)}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>
            <FormattedMessage id="rewards.nextTier" />
          </dt>
          <dd className={styles.figureValue} data-testid="next-tier">
            {summary.nextTier ? (
              <FormattedMessage id="rewards.nextTierMissing" values={{ tier: summary.nextTier.name, missing: usd(summary.nextTier.missingUsd) }} />
            ) : (
              <FormattedMessage id="eligibility.explain.topTier" />
            )}
          </dd>
        </div>
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
                <Table aria-label={intl.formatMessage({ id: 'rewards.countedOffers' })} size="small" className={styles.benefitsTable}>
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
                        <TableCell className={styles.nowrap}>{usd(offer.billedSalesTtmUsd)}</TableCell>
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

/** The Sales and Marketing tab: the contact the Rewards team calls, and the benefits to activate. */
function SalesMarketingTab({
  benefitsRead,
  onAnnounce,
}: {
  benefitsRead: ReturnType<typeof useApiList<'/api/v1/rewards/benefits'>>;
  onAnnounce: (text: string) => void;
}) {
  const intl = useIntl();
  const contactRead = useApiQuery('/api/v1/rewards/marketing-contact');
  const activationsRead = useApiList('/api/v1/rewards/activations');
  const [justActivated, setJustActivated] = useState<string | null>(null);
  // Activating changes the benefit's status, adds an activation, and may change the summary.
  const activation = useApiMutation('post', '/api/v1/rewards/benefits/{id}/activation', {
    invalidates: ['/api/v1/rewards/benefits', '/api/v1/rewards/activations', '/api/v1/rewards'],
  });

  const failed = contactRead.error ?? activationsRead.error ?? benefitsRead.error;
  if (failed) {
    return (
      <SectionError
        error={failed}
        onRetry={() => void Promise.all([contactRead.refetch(), activationsRead.refetch(), benefitsRead.refetch()])}
      />
    );
  }
  const benefits = benefitsRead.data?.items;
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
      <Table aria-label={label} data-testid="benefits-sales-marketing" className={styles.benefitsTable}>
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
              <TableCell className={styles.nowrap}>
                <FormattedDate value={benefit.unlockedAt} dateStyle="medium" />
              </TableCell>
              <TableCell className={styles.nowrap}>
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
