import type { FastifyInstance } from 'fastify';

/**
 * Every answer the suite sees is checked against the OpenAPI document (issue #10, section 5): each
 * test app (startTestApp) watches its responses, and closing it fails when an operation answered with
 * a status its schema does not list. So the document's statuses are what the API really returns,
 * for every request any test makes, not only the property test's generated ones.
 */
export function watchDocumentedStatuses(app: FastifyInstance): { undocumented(): string[] } {
  const seen = new Set<string>();
  app.addHook('onResponse', async (request, reply) => {
    const schema = request.routeOptions.schema as { operationId?: string; response?: Record<string, unknown> } | undefined;
    if (!schema?.operationId) return; // the portal's pages and files, and unknown paths
    if (!(String(reply.statusCode) in (schema.response ?? {}))) seen.add(`${request.method} ${request.routeOptions.url} (${schema.operationId}): ${reply.statusCode}`);
  });
  return { undocumented: () => [...seen].sort() };
}

/** The error a test app's close() throws when something was answered that the document does not list. */
export function assertAllDocumented(watch: { undocumented(): string[] }): void {
  const missing = watch.undocumented();
  if (missing.length > 0) {
    throw new Error(`answered with statuses the OpenAPI document does not list for the operation:\n  ${missing.join('\n  ')}`);
  }
}
