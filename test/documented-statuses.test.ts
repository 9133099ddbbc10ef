import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { assertAllDocumented, watchDocumentedStatuses } from './documented-statuses.ts';

// The check every test app runs when it closes (helpers.ts): it must catch an undocumented status.
describe('the documented-statuses check of the test apps', () => {
  it('fails on a status an operation does not document, and passes on documented ones', async () => {
    const app = Fastify();
    const watch = watchDocumentedStatuses(app);
    const schema = { operationId: 'teapot', response: { 200: { type: 'object' }, 404: { type: 'object' } } };
    app.get('/brew/:kind', { schema }, async (request, reply) => {
      const { kind } = request.params as { kind: string };
      if (kind === 'tea') return {};
      if (kind === 'none') return reply.status(404).send({});
      return reply.status(418 as 200).send({}); // a status the schema does not list, on purpose
    });
    app.get('/page', async () => 'not an operation');
    await app.ready();
    for (const kind of ['tea', 'none']) await app.inject({ url: `/brew/${kind}` });
    await app.inject({ url: '/page' });
    await app.inject({ url: '/unknown' });
    assert.doesNotThrow(() => assertAllDocumented(watch));
    await app.inject({ url: '/brew/coffee' });
    assert.throws(() => assertAllDocumented(watch), /GET \/brew\/:kind \(teapot\): 418/);
    await app.close();
  });
});
