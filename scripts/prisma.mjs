// `npm run db:migrate` and the postinstall step. Runs the Prisma CLI with the
// project's prisma.config.ts (JS engines + driver adapters; no native download).
//   node scripts/prisma.mjs generate   generate both clients (sqlite, postgres)
//   node scripts/prisma.mjs migrate    apply pending migrations to DATABASE_URL
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');

function run(args, env = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    stdio: 'inherit',
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const command = process.argv[2];
if (command === 'generate') {
  for (const provider of ['sqlite', 'postgres']) run(['generate'], { PRISMA_PROVIDER: provider });
} else if (command === 'migrate') {
  run(['migrate', 'deploy']);
} else {
  console.error('usage: node scripts/prisma.mjs generate|migrate');
  process.exit(2);
}
