import { copyFileSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db';
import { resolveDatabaseUrl, type DatabaseTarget } from '../../server/db-url';
import { postgresAdminUrl, postgresUrlFor } from './test-env';
import { hasServerKeys, useServerKeys } from '../../server/secrets';

export interface TestDatabase extends Database {
  target: DatabaseTarget;
  /** Closes the connection and deletes the database. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database of the kind under test (TEST_DATABASE), private
 * to the caller. Pass `kind` to force one (e.g. SQLite-only tests).
 */
export async function createTestDatabase(kind = inject('databaseKind')): Promise<TestDatabase> {
  // The server secret lives outside the database (server/secrets.ts): one random key per test worker.
  if (!hasServerKeys()) useServerKeys([randomBytes(32)]);
  if (kind === 'postgres') {
    const name = `desk_test_${randomUUID().replace(/-/g, '').slice(0, 12)}_${process.ppid}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    await admin.end();
    const target = resolveDatabaseUrl(postgresUrlFor(name));
    const database = await openDatabase(target);
    return {
      ...database,
      target,
      async destroy() {
        // A pool whose connections a test killed (pg_terminate_backend) may never
        // finish disconnecting; the database is dropped WITH (FORCE) regardless.
        await Promise.race([database.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
        await dropTestDatabase(name);
      },
    };
  }
  const file = join(inject('tempDir'), `${randomUUID()}.db`);
  copyFileSync(inject('sqliteTemplate'), file);
  const target = resolveDatabaseUrl(`file:${file}`);
  const database = await openDatabase(target);
  return {
    ...database,
    target,
    async destroy() {
      await database.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    },
  };
}

/**
 * Drops a test database. WITH (FORCE) ends the connections a test left behind,
 * but PostgreSQL refuses it ("must be a member of the role whose process is
 * being terminated or member of pg_signal_backend") while an autovacuum worker,
 * which runs as no role, is working in that database and the test role lacks
 * pg_signal_backend (.ci/run grants it). A plain DROP stops autovacuum itself,
 * so the two are tried in turn for a few seconds before giving up.
 */
async function dropTestDatabase(name: string): Promise<void> {
  const cleanup = new pg.Client({ connectionString: postgresAdminUrl() });
  await cleanup.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name}${attempt % 2 === 1 ? ' WITH (FORCE)' : ''}`);
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  } finally {
    await cleanup.end();
  }
}
