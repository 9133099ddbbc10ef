import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../platform/db/database.ts';
import { runInRounds } from '../../platform/http/rounds.ts';
import { syncSponsorships } from './sponsorships.service.ts';
import type { Links } from './technical.context.ts';

export interface SponsorshipRoundsOptions {
  db: Db;
  links: Links;
  intervalMs?: number;
  clock?: () => Date;
}

/**
 * Keeps sponsorships in step while the server runs: a sponsorship benefit unlocked by any writer (the
 * API, an import, the CLI) gets its sponsorship and its instructions email within a round; credits
 * past their term end; low-balance and expiry warnings go out once. Safe with several instances.
 */
async function sponsorshipRoundsPlugin(app: FastifyInstance, { db, links, intervalMs = 5_000, clock = () => new Date() }: SponsorshipRoundsOptions) {
  runInRounds(app, 'sponsorship', intervalMs, async () => {
    const result = await syncSponsorships(db, clock(), links);
    if (result.unlocked + result.warned + result.ended > 0) app.emailQueued();
  });
}

export const sponsorshipRounds = fp(sponsorshipRoundsPlugin, { name: 'sponsorship-rounds', dependencies: ['notifications'] });
