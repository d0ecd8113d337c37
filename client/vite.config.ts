import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vite 8 compiles TSX with oxc (automatic JSX runtime), so no React plugin is needed.
export default defineConfig({
  root,
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // TanStack Query marks its hooks "use client" (a React Server Components hint with no meaning
      // in this single-page build); the bundler warns once per file, burying the start-up progress lines.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npx vite --config client/vite.config.ts` during client work, with `npm run dev` serving the API.
    proxy: { '/trpc': 'http://127.0.0.1:3000', '/invites': 'http://127.0.0.1:3000', '/feeds': 'http://127.0.0.1:3000' },
  },
});
