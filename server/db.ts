// The single Prisma client, with the driver adapter chosen from DATABASE_URL.
//
// Both generated clients (server/generated/sqlite and …/postgres) come from one
// model source (prisma/schema.template.prisma), so their query APIs are the
// same; the rest of the code is typed against the SQLite client. Code that
// needs provider-specific SQL branches on `database.provider`.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient, type Prisma } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { ensureSqliteFolder, type DatabaseProvider, type DatabaseTarget } from './db-url';
import { serializeSqliteAdapter } from './db-sqlite-serial';
import { withBackslashLikeEscape, type SqliteConnection } from './db-sqlite-like';

export type Db = SqliteClient;
/** The client handed to `db.$transaction(async (tx) => …)` callbacks. */
export type Tx = Prisma.TransactionClient;
/** Either the client or a transaction client: query functions accept both. */
export type DbOrTx = Db | Tx;

export interface Database {
  prisma: Db;
  provider: DatabaseProvider;
  close(): Promise<void>;
  /**
   * A read-only statement for health checks that never waits behind other requests'
   * transactions (SQLite: run on the connection directly, outside the serialising lock of
   * db-sqlite-serial.ts, which a 500-row import batch holds for a while). Only for statements
   * whose answer cannot depend on uncommitted data (SELECT 1, the migrations table).
   */
  probe?(sql: string): Promise<unknown[]>;
}

/**
 * How long a PostgreSQL query waits for a pooled connection (or a new one)
 * before failing: while the database is unreachable, requests answer 503
 * UNAVAILABLE within this instead of hanging (pg's default is to wait forever).
 */
const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Prisma's default error message quotes the failed call with its arguments (names, emails,
 * message text) for a developer's terminal; errors end up in logs, so only the reason is kept.
 */
const ERROR_FORMAT = 'minimal';

/** How long a SQLite writer waits for the write lock before failing (ms). */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Opens the database named by `target`; does not apply migrations (see server/migrate.ts). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.provider === 'postgres') {
    const prisma = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS }), errorFormat: ERROR_FORMAT });
    await prisma.$connect();
    return { prisma: prisma as unknown as Db, provider: 'postgres', close: () => prisma.$disconnect(), probe: (sql) => prisma.$queryRawUnsafe<unknown[]>(sql) };
  }
  ensureSqliteFolder(target);
  let connection: SqliteConnection | undefined;
  const prisma = new SqliteClient({
    errorFormat: ERROR_FORMAT,
    adapter: serializeSqliteAdapter(withBackslashLikeEscape(new PrismaBetterSQLite3({ url: target.url, timeout: SQLITE_BUSY_TIMEOUT_MS }), (opened) => (connection = opened))),
  });
  await prisma.$connect();
  // WAL lets readers proceed while one writer commits; NORMAL sync is durable
  // across application crashes (the WAL is fsynced at checkpoints).
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return {
    prisma,
    provider: 'sqlite',
    close: () => prisma.$disconnect(),
    probe: async (sql) => (connection ? connection.prepare(sql).all() : prisma.$queryRawUnsafe<unknown[]>(sql)),
  };
}
