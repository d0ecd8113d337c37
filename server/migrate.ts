// Schema migrations. The embedded SQLite default migrates itself at start;
// PostgreSQL deployments run `npm run db:migrate` and the server refuses to
// start while migrations are pending (see server/main.ts), so two instances
// never race to migrate one shared database.
import { spawn } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Db } from './db';
import type { DatabaseTarget } from './db-url';
import { projectRoot } from './project-root';


/** Migration folder names shipped for a provider, oldest first. */
export function listMigrations(provider: DatabaseTarget['provider']): string[] {
  const folder = join(projectRoot, 'prisma', provider, 'migrations');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Applies pending migrations with the Prisma CLI (`migrate deploy`). */
export async function applyMigrations(target: DatabaseTarget): Promise<void> {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: target.url, PRISMA_HIDE_UPDATE_MESSAGE: '1', PRISMA_PROVIDER: target.provider },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new Error(`prisma migrate deploy failed (exit ${code}):\n${Buffer.concat(output).toString('utf8')}`);
  }
}

export interface SchemaStatus {
  /** The newest applied migration, or null on an empty database. */
  version: string | null;
  pending: string[];
}

/** Compares the migrations applied to the database with those shipped. */
export async function readSchemaStatus(prisma: Db, provider: DatabaseTarget['provider']): Promise<SchemaStatus> {
  return readSchemaStatusWith((sql) => prisma.$queryRawUnsafe<unknown[]>(sql), provider);
}

/** readSchemaStatus through a given read (the health check's, see Database.probe). */
export async function readSchemaStatusWith(query: (sql: string) => Promise<unknown[]>, provider: DatabaseTarget['provider']): Promise<SchemaStatus> {
  let applied: string[] = [];
  try {
    const rows = (await query(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
    )) as { migration_name: string }[];
    applied = rows.map((row) => row.migration_name);
  } catch {
    // No migrations table yet: nothing applied.
  }
  const appliedSet = new Set(applied);
  return {
    version: applied.at(-1) ?? null,
    pending: listMigrations(provider).filter((name) => !appliedSet.has(name)),
  };
}
