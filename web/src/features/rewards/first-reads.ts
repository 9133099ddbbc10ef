import { LIST_PAGE_SIZE } from '../../api/client.ts';
import type { PrefetchReads, ReadData } from '../../api/queries.ts';

/**
 * The Rewards page's first reads, without React or the query cache: the page starts them as it is drawn
 * (RewardsPage.tsx), and pages.ts as the portal boots, as plain requests the cache then takes over
 * (client.ts, startEarlyReads), before the page's code has arrived.
 */
export type Category = ReadData<'/api/v1/rewards/benefits'>['items'][number]['category'];
/** Each tab has its address (the emails link to /rewards/technical and /rewards/sponsorships). */
export const TAB_OF_PATH: Record<string, Category> = { technical: 'technical', sponsorships: 'sponsorship' };

/** The tab an address shows: none when it names no tab of this page (the page then sends it on). */
export function categoryOfPath(pathname: string): Category | null {
  const tab = /^\/rewards\/([^/]+)/.exec(pathname)?.[1];
  return tab === undefined ? 'sales-marketing' : (TAB_OF_PATH[tab] ?? null);
}

/** What the page reads as it is drawn: its own reads, and the first tab's when that is the one shown. */
export const readsOf = (category: Category): PrefetchReads => ({
  query: ['/api/v1/rewards', ...(category === 'sales-marketing' ? (['/api/v1/rewards/marketing-contact'] as const) : [])],
  list: ['/api/v1/rewards/benefits', ...(category === 'sales-marketing' ? (['/api/v1/rewards/activations'] as const) : [])],
});

/** The same reads as the URLs the query cache asks for (a whole list's first page at the largest size). */
export function firstReadUrls(pathname: string): string[] {
  const category = categoryOfPath(pathname);
  if (!category) return [];
  const reads = readsOf(category);
  return [...(reads.query ?? []), ...(reads.list ?? []).map((path) => `${path}?limit=${LIST_PAGE_SIZE}`)];
}
