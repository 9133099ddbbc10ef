import type { FastifyInstance } from 'fastify';

/**
 * Background work done in rounds while the server runs (escalations, sponsorship upkeep): one round at
 * once, the first as the server is ready, then every `intervalMs`; a failed round is logged and the
 * next one tries again; closing the server waits for the round under way.
 */
export function runInRounds(app: FastifyInstance, name: string, intervalMs: number, round: () => Promise<void>): void {
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();
  const run = () => {
    current = current.then(async () => {
      try {
        await round();
      } catch (error) {
        app.log.error({ err: error }, `${name} round failed`);
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
    await current;
  });
}
