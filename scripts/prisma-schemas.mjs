// Writes prisma/<provider>/schema.prisma from prisma/schema.template.prisma.
// Prisma cannot choose its provider at run time, so each database gets its
// own generated schema, client (server/generated/<provider>) and migrations.
// tests/unit/prisma-schemas.test.ts calls renderSchema() and fails when the
// committed files are stale.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The providers we ship, keyed by folder name. */
export const providers = { sqlite: 'sqlite', postgres: 'postgresql' };

/** Returns the text of prisma/<folder>/schema.prisma for one provider. */
export function renderSchema(folder) {
  const provider = providers[folder];
  if (!provider) throw new Error(`unknown provider folder ${folder}`);
  const template = readFileSync(join(root, 'prisma', 'schema.template.prisma'), 'utf8');
  return `// GENERATED from prisma/schema.template.prisma by \`npm run db:schema\`. Do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../server/generated/${folder}"
  engineType   = "client"
  moduleFormat = "esm"
  runtime      = "nodejs"${folder === 'postgres' ? '\n  // Nested reads in one statement (LATERAL joins) instead of one per relation: see docs/design.md "PostgreSQL statements".\n  previewFeatures = ["relationJoins"]' : ''}
}

datasource db {
  provider = "${provider}"
  // Unused at run time (the driver adapter connects; see prisma.config.ts), but
  // Prisma 6.19 wants it present, or it tries to download a native engine.
  url      = env("DATABASE_URL")
}

${template}`;
}

export function schemaPath(folder) {
  return join(root, 'prisma', folder, 'schema.prisma');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const folder of Object.keys(providers)) {
    mkdirSync(join(root, 'prisma', folder), { recursive: true });
    writeFileSync(schemaPath(folder), renderSchema(folder));
    console.log(`wrote prisma/${folder}/schema.prisma`);
  }
}
