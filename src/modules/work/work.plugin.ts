import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../platform/db/database.ts';
import { runInRounds } from '../../platform/http/rounds.ts';
import { escalateOverdueWork, type EscalationLinks } from './work-escalation.ts';

export interface WorkEscalationOptions {
  db: Db;
  /** REWARDS_TEAM_EMAIL: where overdue work nobody's manager hears of is escalated (without it, only managers are mailed). */
  teamEmail: string | null;
  /** Where the escalation links to (PUBLIC_URL). */
  links: EscalationLinks;
  intervalMs?: number;
  clock?: () => Date;
}

/**
 * Escalates overdue work (once per deadline) every round while the server runs; safe with several
 * instances, since escalateOverdueWork claims each item with its own row.
 */
async function workEscalationPlugin(app: FastifyInstance, { db, teamEmail, links, intervalMs = 5_000, clock = () => new Date() }: WorkEscalationOptions) {
  runInRounds(app, 'escalation', intervalMs, async () => {
    if ((await escalateOverdueWork(db, teamEmail, clock(), links)) > 0) app.emailQueued();
  });
}

export const workEscalation = fp(workEscalationPlugin, { name: 'work-escalation', dependencies: ['notifications'] });
