/**
 * The ingest benchmark's data (bench/ingest.ts): three CSV files generated with a deterministic PRNG
 * into a temporary folder (publisher profiles, two transact offers per partner, billed sales over the
 * last 14 months, ~3% refunded/cancelled/fraudulent), and what the product must compute from them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prng } from './lib.ts';

export const OFFERS_PER_PARTNER = 2;
const DAY = 86_400_000;
/** The MPN ID of generated partner i, and how many publisher profiles it has. */
export const mpnOf = (i: number) => String(100_000_000 + i);
export const profilesOf = (i: number) => 1 + (i % 2);
export const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

export interface Generated {
  dir: string;
  files: Record<'profiles' | 'offers' | 'sales', string>;
  counts: Record<'profiles' | 'offers' | 'sales', number>;
  bytes: Record<'profiles' | 'offers' | 'sales', number>;
  /** Sum of billed lines inside the trailing twelve months, computed while writing (cents -> decimal string). */
  expectedTtmUsd: string;
  statusCounts: Record<string, number>;
}

async function writeLines(file: string, header: string, count: number, line: (n: number) => string): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write(`${header}\n`);
  let chunk: string[] = [];
  for (let n = 0; n < count; n += 1) {
    chunk.push(line(n));
    if (chunk.length === 10_000 || n === count - 1) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = [];
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return fs.statSync(file).size;
}

export async function generateIngestFiles({ lines: LINES, partners: PARTNERS, seed: SEED }: { lines: number; partners: number; seed: number }): Promise<Generated> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-bench-csv-'));
  const random = prng(SEED);
  // Anchored to the start of today (UTC): the files are the same all day for a seed.
  const anchor = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  const boundary = new Date(anchor);
  boundary.setUTCMonth(boundary.getUTCMonth() - 12);
  const windowStart = anchor.getTime() - 14 * 30.44 * DAY;
  // No sale within a day before or two days after the twelve-month boundary, so a run
  // that takes hours (or crosses midnight) counts the same lines in the product and the baseline.
  const avoidFrom = boundary.getTime() - DAY;
  const avoidTo = boundary.getTime() + 2 * DAY;

  const files: Record<'profiles' | 'offers' | 'sales', string> = {
    profiles: path.join(dir, 'profiles.csv'),
    offers: path.join(dir, 'offers.csv'),
    sales: path.join(dir, 'sales.csv'),
  };

  const profiles: { id: string; mpn: string }[] = [];
  for (let i = 0; i < PARTNERS; i += 1) for (let k = 0; k < profilesOf(i); k += 1) profiles.push({ id: `pp-${i}-${k}`, mpn: mpnOf(i) });
  const profileBytes = await writeLines(files.profiles, 'id,name,mpnId', profiles.length, (n) => {
    const p = profiles[n]!;
    return `${p.id},"Publisher ${p.id}, Inc.",${p.mpn}`;
  });

  const offerCount = PARTNERS * OFFERS_PER_PARTNER;
  const offerBytes = await writeLines(files.offers, 'id,publisherProfileId,name,listingType,status,liveAt,delistedAt', offerCount, (n) => {
    const i = Math.floor(n / OFFERS_PER_PARTNER);
    const k = n % OFFERS_PER_PARTNER;
    const liveAt = new Date(anchor.getTime() - Math.floor(random() * 700) * DAY - 3_600_000).toISOString();
    return `of-${i}-${k},pp-${i}-${k % profilesOf(i)},Offer ${i}-${k},transact,live,${liveAt},`;
  });

  let ttmCents = 0;
  const statusCounts: Record<string, number> = { billed: 0, refunded: 0, cancelled: 0, fraudulent: 0 };
  const salesBytes = await writeLines(files.sales, 'id,offerId,amountUsd,billedAt,status', LINES, (n) => {
    // Skewed towards low partner numbers, so the partners spread over every tier.
    const i = Math.min(PARTNERS - 1, Math.floor(PARTNERS * random() ** 2));
    const k = Math.floor(random() * OFFERS_PER_PARTNER);
    const amount = Math.floor(100 * 10_000 ** random()); // 1.00 .. 10,000.00 USD, log-uniform
    const s = random();
    const status = s < 0.01 ? 'refunded' : s < 0.02 ? 'cancelled' : s < 0.03 ? 'fraudulent' : 'billed';
    let at = windowStart + random() * (anchor.getTime() - 60_000 - windowStart);
    if (at > avoidFrom && at < avoidTo) at -= 3 * DAY;
    at = Math.floor(at / 1000) * 1000;
    statusCounts[status]! += 1;
    if (status === 'billed' && at > boundary.getTime()) ttmCents += amount;
    return `bs-${String(n).padStart(8, '0')},of-${i}-${k},${cents(amount)},${new Date(at).toISOString().replace('.000Z', 'Z')},${status}`;
  });

  return {
    dir,
    files,
    counts: { profiles: profiles.length, offers: offerCount, sales: LINES },
    bytes: { profiles: profileBytes, offers: offerBytes, sales: salesBytes },
    expectedTtmUsd: cents(ttmCents),
    statusCounts,
  };
}

