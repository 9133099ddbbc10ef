import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

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

// The portal builds into dist/web, which the Fastify process serves beside the API.
export default defineConfig({
  root: here,
  base: '/',
  esbuild: { jsx: 'automatic' },
  plugins: [precompress()],
  build: {
    outDir: path.join(here, '..', 'dist', 'web'),
    emptyOutDir: true,
    // Written for debugging, not referenced by the bundle nor served (server/web.ts); REWARDS_SOURCEMAPS=on links them.
    sourcemap: process.env.REWARDS_SOURCEMAPS === 'on' ? true : 'hidden',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Fluent UI marks its modules "use client" (for React Server Components); meaningless in an SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'SOURCEMAP_ERROR') return;
        warn(warning);
      },
    },
  },
  server: { fs: { allow: [path.join(here, '..')] } },
});
