import { Card, makeStyles, Spinner, Title2, Title3 } from '@fluentui/react-components';
import { useDeferredValue, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PREFETCHED_FRESH_MS, prefetchReads, useApiList, useApiQuery, usePrefetchReads } from '../../api/queries.ts';
import { useDocumentTitle } from '../../app/dialogs.ts';
import { lazyComponent } from '../../app/lazy.tsx';
import { SectionError } from '../../app/SectionError.tsx';
import { useSignedIn } from '../../app/session.tsx';
import { RovingTab, RovingTabList } from '../../app/RovingTabList.tsx';
import { categoryOfPath, readsOf, TAB_OF_PATH, type Category } from './first-reads.ts';
import { SalesMarketingTab } from './SalesMarketingTab.tsx';
import { SummaryCard } from './SummaryCard.tsx';

const CATEGORIES: Category[] = ['sales-marketing', 'technical', 'sponsorship'];
const PATH_OF_TAB: Record<Category, string> = { 'sales-marketing': '/rewards', technical: '/rewards/technical', sponsorship: '/rewards/sponsorships' };

// The other tabs' code is fetched when a tab is first opened (or the address names it).
const TechnicalTab = lazyComponent(() => import('../technical/TechnicalTab.tsx').then((m) => m.TechnicalTab));
const SponsorshipsCard = lazyComponent(() => import('../technical/SponsorshipsCard.tsx').then((m) => m.SponsorshipsCard));

/**
 * For pages.ts, when the address is this page's: its reads, started as soon as the session is known
 * (and may see the program), beside the rest of the page's code rather than once it has been drawn.
 */
export function prefetchFor(pathname: string, canSeeRewards: boolean, locale: string): void {
  const category = categoryOfPath(pathname);
  if (canSeeRewards && category) prefetchReads(readsOf(category), locale);
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1100px' },
  // On a phone the three tabs take two lines rather than running off the card.
  tabs: { flexWrap: 'wrap' },
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
  // Every read the page and its first tab make starts as the page is first drawn, together, rather than
  // the page's own after that drawing and the tab's once the summary has come.
  usePrefetchReads(readsOf(category), visible.enabled);
  const summaryRead = useApiQuery('/api/v1/rewards', undefined, { ...visible, staleTime: PREFETCHED_FRESH_MS });
  const benefitsRead = useApiList('/api/v1/rewards/benefits', undefined, { ...visible, staleTime: PREFETCHED_FRESH_MS });
  // The summary and the benefits are drawn a moment after their answer, in slices the browser can
  // interrupt (a deferred value renders as a transition), rather than in one long task on a slow phone.
  const drawn = useDeferredValue(summaryRead.data !== undefined || summaryRead.error !== null);
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
      {!drawn && <Spinner size="small" label={intl.formatMessage({ id: 'web.loading' })} />}
      {drawn && summaryRead.data && <SummaryCard summary={summaryRead.data} />}
      {/* The benefits come in once the summary above them has (or has failed), so they never jump down. */}
      {drawn && (
        <Card>
          <Title3 as="h2">
            <FormattedMessage id="rewards.benefits" />
          </Title3>
          <RovingTabList className={styles.tabs} selectedValue={category} onTabSelect={(_, data) => void navigate(PATH_OF_TAB[data.value as Category])}>
            {CATEGORIES.map((value) => (
              <RovingTab key={value} value={value}>
                <FormattedMessage id={`rewards.category.${value}`} />
                {benefits && ` (${benefits.filter((b) => b.category === value).length})`}
              </RovingTab>
            ))}
          </RovingTabList>
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
