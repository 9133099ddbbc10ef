import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../platform/db/database.ts';
import { outboxBacklog } from './notifications.service.ts';
import { mailboxTransport, releaseClaims, smtpTransport, startOutboxWorker, type OutboxWorker } from './delivery.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Tell delivery that a request queued email, so it goes out now rather than at the next round. */
    emailQueued(): void;
    /** What waits in the outbox (readiness shows it). */
    outboxBacklog(now: Date): Promise<{ waiting: number; oldestWaitingSeconds: number | null }>;
  }
}

export interface MailOptions {
  smtpUrl: string | null;
  from: string;
  mailboxDir: string;
  /** SMTP connection, greeting and socket timeout. */
  smtpTimeoutMs?: number;
  /** No other process delivers this outbox (PGlite): rows left 'sending' are handed back at start. */
  soleDeliverer?: boolean;
  /** How long stopping waits for a message being sent before handing it back. */
  stopWaitMs?: number;
}

export interface NotificationsPluginOptions {
  db: Db;
  /** Deliver the outbox from this process (the server): by SMTP when smtpUrl is set, else to the mailbox folder. */
  deliver?: MailOptions;
  /** Called instead when email is queued and this process does not deliver (tests with a worker of their own). */
  onEmailQueued?: () => void;
}

/** The outbox delivery worker, started with the app and stopped after it has stopped taking requests. */
async function notificationsPlugin(app: FastifyInstance, { db, deliver, onEmailQueued }: NotificationsPluginOptions): Promise<void> {
  let worker: OutboxWorker | null = null;
  app.decorate('emailQueued', () => {
    if (worker) void worker.poke();
    else onEmailQueued?.();
  });
  app.decorate('outboxBacklog', (now: Date) => outboxBacklog(db, now));
  if (!deliver) return;
  const transport = deliver.smtpUrl
    ? smtpTransport(deliver.smtpUrl, deliver.from, deliver.smtpTimeoutMs)
    : mailboxTransport(deliver.mailboxDir, deliver.from);
  const log = app.log.child({ component: 'outbox' });
  app.addHook('onReady', async () => {
    if (deliver.soleDeliverer) {
      const released = await releaseClaims(db);
      if (released > 0) log.warn({ released }, 'emails a stopped process had claimed are back in the outbox');
    }
    worker = startOutboxWorker(db, transport, {
      onError: (error) => log.error({ err: error }, 'outbox delivery round failed'),
      log: { warn: (details, message) => log.warn(details, message), error: (details, message) => log.error(details, message) },
    });
    log.info({ transport: transport.name }, 'outbox worker started');
  });
  // As the server starts closing (before in-flight requests are drained): claim no more mail.
  app.addHook('preClose', async () => {
    worker?.halt();
  });
  app.addHook('onClose', async () => {
    await worker?.stop(deliver.stopWaitMs);
    worker = null;
  });
}

export const notifications = fp(notificationsPlugin, { name: 'notifications' });
