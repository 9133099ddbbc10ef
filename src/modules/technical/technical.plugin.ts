import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../platform/db/database.ts';
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
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();
  const run = () => {
    round = round.then(async () => {
      try {
        const result = await syncSponsorships(db, clock(), links);
        if (result.unlocked + result.warned + result.ended > 0) app.emailQueued();
      } catch (error) {
        app.log.error({ err: error }, 'sponsorship round failed');
      }
    });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(run, intervalMs);
    timer.unref();
    run();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await round;
  });
}

export const sponsorshipRounds = fp(sponsorshipRoundsPlugin, { name: 'sponsorship-rounds', dependencies: ['notifications'] });
