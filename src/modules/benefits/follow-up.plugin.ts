import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../platform/db/database.ts';
import type { PortalLinks } from './benefits.service.ts';
import { escalateOverdue } from './follow-up.service.ts';

export interface FollowUpEscalationOptions {
  db: Db;
  /** REWARDS_TEAM_EMAIL: where overdue activations are escalated (nothing is escalated without it). */
  teamEmail: string | null;
  /** Where the escalation links to (PUBLIC_URL). */
  links: PortalLinks;
  intervalMs?: number;
  clock?: () => Date;
}

/**
 * Escalates overdue activations (once each) every round while the server runs; safe with several
 * instances, since escalateOverdue skips the rows another instance holds.
 */
async function followUpEscalationPlugin(app: FastifyInstance, { db, teamEmail, links, intervalMs = 5_000, clock = () => new Date() }: FollowUpEscalationOptions) {
  if (!teamEmail) return;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();
  const run = () => {
    round = round.then(async () => {
      try {
        if ((await escalateOverdue(db, teamEmail, clock(), links)) > 0) app.emailQueued();
      } catch (error) {
        app.log.error({ err: error }, 'escalation round failed');
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

export const followUpEscalation = fp(followUpEscalationPlugin, { name: 'follow-up-escalation', dependencies: ['notifications'] });
