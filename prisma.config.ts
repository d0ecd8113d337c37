// Prisma CLI configuration. We run Prisma 6.19 on its JavaScript/WebAssembly
// engines ("js" engine + driver adapters) because the native schema engine
// would have to be downloaded, which is not possible on every machine we
// deploy to. The provider follows DATABASE_URL, exactly as the server does
// (server/db-url.ts); PRISMA_PROVIDER overrides it for `prisma generate`,
// which runs once per provider.
import { defineConfig } from 'prisma/config';
import { ensureSqliteFolder, resolveDatabaseUrl } from './server/db-url';

// `prisma generate` for the provider that DATABASE_URL does not name still needs
// an adapter of the right kind (it never connects): give it a placeholder URL.
const placeholder = { sqlite: 'file:./data/interview-desk.db', postgres: 'postgresql://localhost/interview_desk' };
const forced = process.env.PRISMA_PROVIDER as keyof typeof placeholder | undefined;
const configured = resolveDatabaseUrl(process.env.DATABASE_URL);
const database = forced && forced !== configured.provider ? resolveDatabaseUrl(placeholder[forced]) : configured;
const folder = database.provider;
ensureSqliteFolder(database);
// The schema's datasource reads env("DATABASE_URL"); give it the resolved default.
process.env.DATABASE_URL = database.url;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: `prisma/${folder}/schema.prisma`,
  migrations: { path: `prisma/${folder}/migrations` },
  async adapter() {
    if (database.provider === 'postgres') {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: database.url });
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url: database.url });
  },
});
