/**
 * The ingest benchmark's --profile on: database time per statement, by the phase of the import it
 * ran in, through Kysely's log hook (execution time only). Statements are named by a marker they
 * contain, or by their first 70 characters.
 */
const MARKERS: [string, string][] = [
  ['insert into partner_eligibility as pe', 'recompute: eligibility upsert (offers, TTM sales, tier)'],
  ["'offer:' ||", 'recompute: grant offer benefits'],
  ["'tier:' ||", 'recompute: grant tier benefits'],
  ['OFFER_DELISTED', 'recompute: revoke delisted/relinked'],
  ['FRAUDULENT_SALES', 'recompute: revoke fraudulent tier'],
  ['VALIDITY_ENDED', 'recompute: expire'],
  ['insert into partner_eligibility (partner_account_id', 'markDirty: mark partners dirty'],
  ['max(version)', 'ensureProgram: current version'],
  ['insert into billed_sales', 'sales: merge staged lines'],
  ['lock table billed_sales', 'sales: lock billed_sales against other writers'],
  ['from offers o where o.id = s.offer_id', 'sales: check staged offer ids'],
  ['select distinct pa.id from offers', 'partnersOfOffers'],
  ['select id from partner_accounts where mpn_id = any', 'partnersOfMpnIds'],
  ['create unlogged table', 'import: create staging table'],
  ['drop table if exists', 'import: drop staging table'],
  ['analyze "import_stage_', 'import: analyze staging table'],
  ['from pg_tables', 'import: look for stale staging tables'],
  ['where "dirty" = $1', 'recomputeDirty: next chunk'],
  ['insert into offers as o', 'offers: merge staged rows'],
  ['insert into publisher_profiles as pp', 'profiles: merge staged rows'],
  ['from publisher_profiles p where p.id = s.publisher_profile_id', 'offers: check staged profile ids'],
];

export class StatementProfile {
  /** The phase the next statements belong to (set by the benchmark as the import moves on). */
  phase = 'setup';
  readonly entries = new Map<string, { phase: string; statement: string; count: number; ms: number }>();

  readonly onQuery = (text: string, ms: number): void => {
    const marker = MARKERS.find(([needle]) => text.includes(needle));
    const statement = marker ? marker[1] : text.replace(/\s+/g, ' ').trim().slice(0, 70);
    const key = `${this.phase}|${statement}`;
    const entry = this.entries.get(key) ?? { phase: this.phase, statement, count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += ms;
    this.entries.set(key, entry);
  };
}
