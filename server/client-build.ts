// Building the web client. `npm run build` builds it; `npm start` rebuilds it
// when dist/client is missing or was built from other sources. Staleness is
// judged by a hash of the client's sources (not file times, which a fresh
// clone sets arbitrarily), stored beside the build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { join, relative } from 'node:path';
import type { Logger } from './logger';
import { projectRoot } from './project-root';

const STAMP_FILE = '.source-hash';

export function clientDistDir(): string {
  return join(projectRoot, 'dist', 'client');
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

/** A hash of everything the client build reads from this repository. */
export function hashClientSources(): string {
  const hash = createHash('sha256');
  const inputs = [join(projectRoot, 'client'), join(projectRoot, 'package-lock.json')];
  for (const file of inputs.flatMap(listFiles)) {
    hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function isClientBuildCurrent(): boolean {
  const stamp = join(clientDistDir(), STAMP_FILE);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hashClientSources();
}

/** Builds the client with Vite and records the source hash it was built from. */
export async function buildClient(logger?: Logger): Promise<void> {
  const started = performance.now();
  const { build } = await import('vite');
  const sourceHash = hashClientSources();
  // Vite picks React's development JSX and runtime when NODE_ENV says so (a test
  // runner sets "test"); the client must always be the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(projectRoot, 'client', 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
    await buildFirstViewScript();
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await precompressAssets(clientDistDir());
  writeFileSync(join(clientDistDir(), STAMP_FILE), sourceHash + '\n');
  logger?.info({ ms: Math.round(performance.now() - started) }, 'web client built');
}

/**
 * The booking page's first view (client/src/reporter/first-view/) as one
 * classic script, which the server inlines in booking pages
 * (server/http/booking-first-view.ts): no imports, no chunks, no messages
 * catalogue (the server sends the texts). Written beside the client build,
 * after it, so the client's source hash covers it.
 */
async function buildFirstViewScript(): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: join(projectRoot, 'client'),
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    build: {
      outDir: join(clientDistDir(), 'first-view'),
      emptyOutDir: true,
      sourcemap: false,
      lib: { entry: join(projectRoot, 'client', 'src', 'reporter', 'first-view', 'first-view.ts'), formats: ['iife'], name: 'interviewDeskFirstView', fileName: () => 'first-view.js' },
    },
  });
}

/** Builds the client only when the build is missing or stale; `announce` tells the person starting the server. */
export async function ensureClientBuild(logger: Logger, announce: (line: string) => void = () => {}): Promise<void> {
  if (isClientBuildCurrent()) return;
  const started = performance.now();
  announce('Building the web client (first start, or its sources changed)…');
  logger.info('web client build is missing or stale; building it now');
  await buildClient(logger);
  announce(`Web client built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

/** Files worth compressing: text. Images and fonts are compressed already; source maps are for developers' tools only. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest|ico)$/;
/** Below this size the encoding headers cost about what compression saves. */
const MIN_COMPRESS_BYTES = 512;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the
 * build, at the highest levels (once per build, so the time is spent once):
 * the server sends them to browsers that accept them (server/http/static-assets.ts).
 */
export async function precompressAssets(folder: string): Promise<{ files: number }> {
  const files = listFiles(folder).filter((file) => COMPRESSIBLE.test(file) && statSync(file).size >= MIN_COMPRESS_BYTES);
  await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file);
      const [brotli, gzipped] = await Promise.all([
        promisify(brotliCompress)(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        promisify(gzip)(bytes, { level: zlib.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, brotli), writeFile(`${file}.gz`, gzipped)]);
    }),
  );
  return { files: files.length };
}
