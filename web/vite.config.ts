import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// The portal builds into dist/web, which the Fastify process serves beside the API.
export default defineConfig({
  root: here,
  base: '/',
  esbuild: { jsx: 'automatic' },
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
