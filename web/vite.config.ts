import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { parse } from '@formatjs/icu-messageformat-parser';
import griffel from '@griffel/vite-plugin';
import { defineConfig, type IndexHtmlTransformContext, type Plugin } from 'vite';
import { LOCALES } from '../locales/locales.ts';
import { FALLBACK_PAGES, PAGE_MODULES, PAGE_ROUTES, type PageName } from './src/app/page-routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Brotli and gzip copies of every text file of the build, made once here at the highest levels rather
 * than per request: the server (server/web.ts) sends the one the browser accepts. node:zlib has both.
 */
function precompress(): Plugin {
  return {
    name: 'rewards-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir!;
      const walk = (folder: string): string[] =>
        fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
      for (const file of walk(dir).filter((name) => /\.(js|css|html|svg|json|txt)$/.test(name))) {
        const bytes = fs.readFileSync(file);
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/** Catalog keys the portal never formats itself: emails, and the API's errors (which arrive already worded). */
const SERVER_ONLY = /^(email|error|field)\./;
/** The Rewards team's console's own messages: a catalog of their own, fetched by the console only (ConsoleShell). */
const CONSOLE_ONLY = /^console\./;
const CONSOLE_PART = 'console.';
const CATALOG = 'virtual:rewards-catalog/';

/**
 * `import('virtual:rewards-catalog/nl-NL')`: one language's catalog, without the server's messages,
 * parsed here into ICU syntax trees. The portal loads only the language it shows, and since every
 * message arrives parsed, the bundle carries no ICU parser (the alias below swaps in formatjs'
 * `no-parser` build). A message that does not parse fails the build.
 */
function catalogs(): Plugin {
  return {
    name: 'rewards-catalogs',
    resolveId: (id) => (id.startsWith(CATALOG) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${CATALOG}`)) return undefined;
      const name = id.slice(CATALOG.length + 1);
      const forConsole = name.startsWith(CONSOLE_PART);
      const locale = forConsole ? name.slice(CONSOLE_PART.length) : name;
      if (!(LOCALES as readonly string[]).includes(locale)) throw new Error(`No catalog for ${locale}`);
      const file = path.join(here, '..', 'locales', `${locale}.json`);
      this.addWatchFile(file);
      const messages = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
      const parsed = Object.fromEntries(
        Object.entries(messages)
          .filter(([key]) => !SERVER_ONLY.test(key) && CONSOLE_ONLY.test(key) === forConsole)
          .map(([key, message]) => [key, parse(message)]),
      );
      return `export default ${JSON.stringify(parsed)};`;
    },
  };
}

/**
 * The entry (web/src/main.tsx) imports React DOM dynamically, so that it is evaluated in a task of its
 * own, but always: index.html names its chunk (and what that imports) for preloading, as Vite does for
 * static imports, so the split costs no round trip after the entry.
 */
const ALWAYS_IMPORTED = [/\/react-dom\/client\.js$/];
function preloadAlwaysImported(): Plugin {
  return {
    name: 'rewards-preload-always-imported',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html: string, { bundle, chunk }: IndexHtmlTransformContext) {
        if (!bundle || !chunk) return [];
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const roots = ALWAYS_IMPORTED.map((pattern) => {
          const found = chunks.find((c) => c.moduleIds.some((id) => pattern.test(id.replace(/\?.*$/, ''))));
          if (!found) throw new Error(`preloadAlwaysImported: no chunk holds ${pattern}`);
          return found;
        });
        const files = new Set<string>();
        const visit = (file: string) => {
          if (file === chunk.fileName || files.has(file)) return;
          files.add(file);
          for (const imported of chunks.find((c) => c.fileName === file)?.imports ?? []) visit(imported);
        };
        for (const root of roots) visit(root.fileName);
        // What the entry imports statically is already named by Vite.
        for (const file of chunk.imports) files.delete(file);
        return [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * One index.html per set of pages an address shows (web/src/app/page-routes.ts), naming those pages'
 * chunks for preloading: the browser then fetches them while it parses the page, beside the entry,
 * rather than when the entry has run (Vite's runtime preloading added one <link> per chunk from script,
 * ~25 ms of the first task on a phone). page-routes.json tells the server (src/server/web.ts) which
 * file an address gets; index.html stays the page for anything else.
 */
function pageHtml(): Plugin {
  return {
    name: 'rewards-page-html',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset' || typeof index.source !== 'string') throw new Error('pageHtml: no index.html in the bundle');
        const html = index.source;
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const htmlFor = new Map<string, string>();
        const variant = (pages: readonly PageName[]): string => {
          const key = pages.join('.');
          const known = htmlFor.get(key);
          if (known) return known;
          const files = new Set<string>();
          const visit = (file: string) => {
            if (files.has(file) || html.includes(`"/${file}"`)) return;
            files.add(file);
            for (const imported of chunks.find((c) => c.fileName === file)?.imports ?? []) visit(imported);
          };
          for (const page of pages) {
            const source = path.join(here, 'src', PAGE_MODULES[page]);
            const chunk = chunks.find((c) => c.moduleIds.includes(source));
            if (!chunk) throw new Error(`pageHtml: no chunk for ${source}`);
            visit(chunk.fileName);
          }
          const links = [...files].map((file) => `    <link rel="modulepreload" crossorigin href="/${file}">\n`).join('');
          const fileName = `index.${key}.html`;
          this.emitFile({ type: 'asset', fileName, source: html.replace('</head>', `${links}  </head>`) });
          htmlFor.set(key, fileName);
          return fileName;
        };
        const routes = PAGE_ROUTES.map((route) => ({ path: route.path, exact: route.exact ?? false, html: variant(route.pages) }));
        this.emitFile({ type: 'asset', fileName: 'page-routes.json', source: JSON.stringify({ routes, fallback: variant(FALLBACK_PAGES) }, null, 2) });
      },
    },
  };
}

// The portal builds into dist/web, which the Fastify process serves beside the API.
export default defineConfig({
  root: here,
  base: '/',
  esbuild: { jsx: 'automatic' },
  // The portal's own makeStyles calls are compiled here, as Fluent's components already are (to
  // __styles): Griffel's runtime style compiler (stylis, rtl-css-js, ~8 kB) is then in no page, and
  // no style object is compiled in the browser. Only when building, as Griffel advises (dev stays fast).
  plugins: [catalogs(), { ...griffel(), apply: 'build' }, preloadAlwaysImported(), pageHtml(), precompress()],
  resolve: {
    // Every message is parsed at build time (catalogs above), so the runtime needs only the types.
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
  },
  build: {
    outDir: path.join(here, '..', 'dist', 'web'),
    emptyOutDir: true,
    // Written for debugging, not referenced by the bundle nor served (server/web.ts); REWARDS_SOURCEMAPS=on links them.
    sourcemap: process.env.REWARDS_SOURCEMAPS === 'on' ? true : 'hidden',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // A chunk under 10 kB (a hook or two that several routes share) joins one it is loaded with, when
      // that runs nothing earlier than before: 27 files became 20 for the Rewards page, 9 became 5 for
      // sign-in, each file's response headers and lone compression dictionary saved (~3 kB a page).
      output: { experimentalMinChunkSize: 10_000 },
      // Fluent UI marks its modules "use client" (for React Server Components); meaningless in an SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'SOURCEMAP_ERROR') return;
        warn(warning);
      },
    },
  },
  server: { fs: { allow: [path.join(here, '..')] } },
});
