// Runs once per `vitest run`: migrates one template database, which every test
// file then copies (SQLite: a file copy; PostgreSQL: CREATE DATABASE … TEMPLATE),
// so each file gets a fresh, fully migrated database in milliseconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { applyMigrations } from '../../server/migrate';
import { resolveDatabaseUrl } from '../../server/db-url';
import { postgresAdminUrl, postgresUrlFor, testDatabaseKind } from './test-env';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseKind: 'sqlite' | 'postgres';
    sqliteTemplate: string;
    postgresTemplate: string;
    tempDir: string;
  }
}

export default async function setup(project: TestProject) {
  const tempDir = mkdtempSync(join(tmpdir(), 'interview-desk-test-'));
  const kind = testDatabaseKind();
  project.provide('databaseKind', kind);
  project.provide('tempDir', tempDir);

  const sqliteTemplate = join(tempDir, 'template.db');
  await applyMigrations(resolveDatabaseUrl(`file:${sqliteTemplate}`));
  project.provide('sqliteTemplate', sqliteTemplate);

  let postgresTemplate = '';
  if (kind === 'postgres') {
    postgresTemplate = `desk_test_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplate}`);
    await admin.query(`CREATE DATABASE ${postgresTemplate}`);
    await admin.end();
    await applyMigrations(resolveDatabaseUrl(postgresUrlFor(postgresTemplate)));
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    rmSync(tempDir, { recursive: true, force: true });
    if (postgresTemplate) {
      const admin = new pg.Client({ connectionString: postgresAdminUrl() });
      await admin.connect();
      // Test databases left by crashed runs are dropped too.
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'desk_test_%_${process.pid}%' OR datname = $1`, [postgresTemplate]);
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    }
  };
}
