import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response, from @fastify/helmet (the well-kept helmet, as a Fastify plugin):
 * a Content-Security-Policy that runs only the portal's own scripts and lets no page frame it
 * (clickjacking), nosniff, a Referrer-Policy, COOP/CORP, and HSTS when the portal is served over
 * https. Fluent UI's CSS-in-JS (Griffel) inserts <style> elements, hence 'unsafe-inline' for styles
 * only. The API's answers are never stored by a browser or a proxy (Cache-Control: no-store). The
 * API docs page (Swagger UI) sets its own policy (server/app.ts), still unframeable.
 */
/** Helmet's headers that only a document (or a worker) heeds. */
export const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
] as const;

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean; viteDev: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        // Vite's dev server reloads the page over a WebSocket; the built portal needs only its own origin.
        connectSrc: options.viteDev ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    // A script or a style sheet of the build is not a document: the browser applies none of these to
    // it (a CSP binds documents and workers, which the portal has none of; framing, opener, agent
    // cluster, DNS prefetch and download options are a page's). Sent anyway they are ~450 bytes on
    // each of the 10-25 files a page loads, HTTP/1.1 headers being uncompressed: a tenth of the
    // sign-in page's bytes. nosniff, CORP, the Referrer-Policy (a module's own imports follow it) and
    // HSTS stay.
    if (request.url.startsWith('/assets/')) for (const name of DOCUMENT_ONLY_HEADERS) reply.removeHeader(name);
  });
}
