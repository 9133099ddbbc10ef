import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../platform/paths.ts';
import { notFound } from '../platform/errors.ts';

/**
 * The web portal, served by the same process as the API: the built files from
 * dist/web in production, or Vite's dev server (hot reload) when
 * REWARDS_WEB_DEV is set. Any other path that is not the API gets index.html,
 * so the portal's own routes survive a reload.
 */
export const WEB_DIST = path.join(projectRoot, 'dist', 'web');
const isServerPath = (url: string) => /^\/(api|healthz|readyz)(\/|$|\?)/.test(url);

/** page-routes.json, written by the build (web/vite.config.ts): which index.html each address gets. */
interface PageRoutes {
  routes: { path: string; exact: boolean; html: string }[];
  fallback: string;
}

/**
 * The page for an address: the build writes one index.html per set of page chunks, naming them for
 * preloading, so the browser fetches a page's code while it parses the page (web/src/app/page-routes.ts
 * holds the table). First match wins, as in the portal. Without the table (an older build), index.html.
 */
function pageFileFor(routes: PageRoutes | null): (url: string) => string {
  if (!routes) return () => 'index.html';
  return (url) => {
    const pathname = url.split(/[?#]/, 1)[0]!;
    return routes.routes.find((route) => (route.exact ? pathname === route.path : pathname.startsWith(route.path)))?.html ?? routes.fallback;
  };
}

export async function registerWeb(app: FastifyInstance, mode: 'built' | 'dev' | 'off'): Promise<void> {
  if (mode === 'off') return;
  if (mode === 'dev') {
    const [{ createServer }, { default: middie }] = await Promise.all([import('vite'), import('@fastify/middie')]);
    const vite = await createServer({
      configFile: path.join(projectRoot, 'web', 'vite.config.ts'),
      server: { middlewareMode: true },
      appType: 'spa',
    });
    await app.register(middie);
    app.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) =>
      isServerPath(req.url ?? '/') ? next() : vite.middlewares(req, res, next),
    );
    app.addHook('onClose', () => vite.close());
    return;
  }
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.log.warn(`The web portal is not built (${WEB_DIST}); run "npm run build". Serving the API only.`);
    return;
  }
  const routesFile = path.join(WEB_DIST, 'page-routes.json');
  const pageFile = pageFileFor(fs.existsSync(routesFile) ? (JSON.parse(fs.readFileSync(routesFile, 'utf8')) as PageRoutes) : null);
  // Source maps stay on disk for whoever runs the portal (the build writes them "hidden"), never served.
  // The build's brotli and gzip copies go to browsers that accept them (preCompressed). Files under
  // /assets/ are named by their content's hash, so they never change: cached for a year, immutable.
  // Anything else (favicon, robots.txt) for an hour; index.html is revalidated every time (below), so
  // after a deploy no cached page points at a bundle that is gone.
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    allowedPath: (pathName) => !pathName.endsWith('.map') && !/\.(br|gz)$/.test(pathName) && !pathName.startsWith('/page-routes.json'),
    setHeaders: (reply, filePath) => {
      const hashed = filePath.startsWith(path.join(WEB_DIST, 'assets') + path.sep);
      const page = /^index(\.\w+)*\.html/.test(path.basename(filePath));
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : page ? 'no-cache' : 'public, max-age=3600');
      // An immutable file is never revalidated, so its validators and byte ranges would only be
      // ~100 bytes on each of the 10-20 scripts a page loads.
      if (hashed) for (const name of ['etag', 'last-modified', 'accept-ranges']) reply.removeHeader(name);
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    // A file that is not there (an old tab asking for a chunk a deploy replaced) is a 404, not the
    // page: served as index.html it would fail as a script with a MIME error nobody can read.
    if (isServerPath(request.url) || request.url.startsWith('/assets/')) throw notFound();
    return reply.sendFile(pageFile(request.url));
  });
}
