// `npm start`: runs the server compiled to one JavaScript file
// (dist/server.mjs), compiling it first when it is missing or was compiled
// from other sources. Why: loading ~200 TypeScript modules through tsx's
// loader hooks took most of a restart (each module a round trip to tsx's
// worker thread); one bundle loads in a fraction of that. The bundle is what
// tsx would run, module for module (esbuild transpiles for both), with the
// packages in node_modules left as imports. Staleness is judged by a hash of
// the sources (as for the client, server/client-build.ts), not file times.
// `npm run dev` and the tests still run the TypeScript through tsx.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'server.mjs');
const stamp = join(root, 'dist', 'server.source-hash');

function listFiles(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).sort().flatMap((name) => listFiles(join(path, name)));
}

/** Everything the bundle is made from: the server's sources (tests excluded) and the installed packages' versions. */
function hashServerSources() {
  const hash = createHash('sha256');
  const files = [...listFiles(join(root, 'server')).filter((file) => !/\.test(-fixture)?\.ts$/.test(file)), join(root, 'package-lock.json'), join(root, 'tsconfig.json'), fileURLToPath(import.meta.url)];
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const started = performance.now();
const sourceHash = hashServerSources();
if (!existsSync(bundle) || !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== sourceHash) {
  console.log('Compiling the server (first start, or its sources changed)…');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'server', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // Function names as tsx keeps them (error stacks, pino's serializers).
    keepNames: true,
    logLevel: 'warning',
  });
  writeFileSync(stamp, sourceHash + '\n');
  console.log(`Server compiled in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
// Stack traces name the TypeScript files and lines.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(bundle).href);
