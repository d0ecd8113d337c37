// Parses DATABASE_URL into the provider and driver to use. Shared by the
// server (server/env.ts, server/db.ts), the Prisma CLI config and the scripts,
// so that one rule decides which database a URL means.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

export type DatabaseProvider = 'sqlite' | 'postgres';

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** For SQLite: `file:<absolute path>`; for PostgreSQL: the URL as given. */
  url: string;
  /** For SQLite: the absolute file path. */
  filePath?: string;
}

/** Where the embedded default database lives, relative to the working directory. */
export const DEFAULT_SQLITE_FILE = './data/interview-desk.db';

export class DatabaseUrlError extends Error {}

/**
 * Resolves DATABASE_URL. Unset or empty means the embedded SQLite default.
 * Accepts `file:` (SQLite), `postgres://` and `postgresql://`; anything else
 * throws DatabaseUrlError with a message naming what is allowed.
 */
export function resolveDatabaseUrl(raw: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const value = raw?.trim() || `file:${DEFAULT_SQLITE_FILE}`;
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    try {
      new URL(value);
    } catch {
      throw new DatabaseUrlError('DATABASE_URL is not a valid PostgreSQL URL (postgresql://user:password@host:5432/database)');
    }
    return { provider: 'postgres', url: value };
  }
  if (value.startsWith('file:')) {
    const path = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path || path.includes('?')) {
      throw new DatabaseUrlError('DATABASE_URL file: URLs take a path only, e.g. file:./data/interview-desk.db');
    }
    const filePath = isAbsolute(path) ? path : resolve(cwd, path);
    return { provider: 'sqlite', url: `file:${filePath}`, filePath };
  }
  const scheme = value.includes(':') ? value.slice(0, value.indexOf(':')) : value;
  throw new DatabaseUrlError(
    `DATABASE_URL scheme "${scheme}" is not supported: use file:<path> for SQLite or postgresql://… for PostgreSQL`,
  );
}

/**
 * Creates the folder of a SQLite database file, so a fresh checkout needs no
 * setup, and the file itself readable by its owner only (0600): it holds
 * reporters' and contacts' personal data. SQLite creates the -wal and -shm
 * files with the database file's mode, so they are private too; files an
 * older version left readable are tightened.
 */
export function ensureSqliteFolder(target: DatabaseTarget): void {
  if (!target.filePath) return;
  mkdirSync(dirname(target.filePath), { recursive: true, mode: 0o700 });
  // An empty file is a valid empty SQLite database.
  if (!existsSync(target.filePath)) closeSync(openSync(target.filePath, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const file = target.filePath + suffix;
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}
