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
  },
  server: {
    // `npx vite --config client/vite.config.ts` during client work, with `npm run dev` serving the API.
    proxy: { '/trpc': 'http://127.0.0.1:3000', '/invites': 'http://127.0.0.1:3000', '/feeds': 'http://127.0.0.1:3000' },
  },
});
