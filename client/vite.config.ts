import { fileURLToPath } from 'node:url';
import { parse } from '@formatjs/icu-messageformat-parser';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The reporter's message catalogues (client/src/i18n/messages/*.ts), compiled
 * to ICU syntax trees at build time, so the browser needs no message parser
 * (FormatJS's documented set-up: precompiled messages and the parser aliased
 * to its `no-parser` entry). It keeps the booking page within its JavaScript
 * budget (issue #11). A catalogue is evaluated as the plain object literal it
 * is; one that cannot be, or a message that does not parse, fails the build.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'interview-desk:precompiled-messages',
    // After the TypeScript is stripped: the module is then plain JavaScript.
    enforce: 'post',
    async transform(code, id) {
      if (!/[\\/]client[\\/]src[\\/]i18n[\\/]messages[\\/][a-z]{2}\.ts$/.test(id)) return null;
      const module: Record<string, unknown> = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
      const compiled = new Map<unknown, string>();
      const lines: string[] = [];
      for (const [name, value] of Object.entries(module)) {
        if (!value || typeof value !== 'object') throw new Error(`${id}: export ${name} is not a message catalogue`);
        let variable = compiled.get(value);
        if (!variable) {
          variable = `catalogue${compiled.size}`;
          const trees = Object.fromEntries(
            Object.entries(value).map(([key, message]) => {
              if (typeof message !== 'string') throw new Error(`${id}: message ${key} is not a string`);
              return [key, parse(message)];
            }),
          );
          lines.push(`const ${variable} = ${JSON.stringify(trees)};`);
          compiled.set(value, variable);
        }
        lines.push(name === 'default' ? `export default ${variable};` : `export { ${variable} as ${name} };`);
      }
      return { code: lines.join('\n'), map: null };
    },
  };
}

// Vite 8 compiles TSX with oxc (automatic JSX runtime), so no React plugin is needed.
export default defineConfig({
  root,
  plugins: [precompiledMessages()],
  resolve: {
    // Every message reaching intl-messageformat in the build is a precompiled tree (above).
    alias: { '@formatjs/icu-messageformat-parser': '@formatjs/icu-messageformat-parser/no-parser.js' },
  },
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
