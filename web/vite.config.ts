import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { parse } from '@formatjs/icu-messageformat-parser';
import griffel from '@griffel/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import { LOCALES } from '../locales/locales.ts';

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
      const locale = id.slice(CATALOG.length + 1);
      if (!(LOCALES as readonly string[]).includes(locale)) throw new Error(`No catalog for ${locale}`);
      const file = path.join(here, '..', 'locales', `${locale}.json`);
      this.addWatchFile(file);
      const messages = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
      const parsed = Object.fromEntries(
        Object.entries(messages)
          .filter(([key]) => !SERVER_ONLY.test(key))
          .map(([key, message]) => [key, parse(message)]),
      );
      return `export default ${JSON.stringify(parsed)};`;
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
  plugins: [catalogs(), { ...griffel(), apply: 'build' }, precompress()],
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
