import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../platform/db/database.ts';
import { mailboxTransport, smtpTransport, startOutboxWorker, type OutboxWorker } from './delivery.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Tell delivery that a request queued email, so it goes out now rather than at the next round. */
    emailQueued(): void;
  }
}

export interface MailOptions {
  smtpUrl: string | null;
  from: string;
  mailboxDir: string;
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
  if (!deliver) return;
  const transport = deliver.smtpUrl ? smtpTransport(deliver.smtpUrl, deliver.from) : mailboxTransport(deliver.mailboxDir, deliver.from);
  app.addHook('onReady', async () => {
    worker = startOutboxWorker(db, transport, { onError: (error) => app.log.error({ err: error }, 'outbox delivery round failed') });
    app.log.info({ transport: transport.name }, 'outbox worker started');
  });
  app.addHook('onClose', async () => {
    await worker?.stop();
    worker = null;
  });
}

export const notifications = fp(notificationsPlugin, { name: 'notifications' });
