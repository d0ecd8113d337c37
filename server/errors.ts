// One error type for the whole server. Domain code throws AppError with a
// code from this closed list; server/trpc.ts maps it to an HTTP status and the
// documented error shape, and server/http/send-error.ts does the same for the
// plain Express routes.
export const appErrorCodes = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ORIGIN_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLOT_TAKEN: 409,
  /** The spokesperson's own calendar (server/calendars/) shows them busy; the desk may override. */
  EXTERNAL_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Extra machine-readable facts for the client, e.g. { retryAfterSeconds: 60 }. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  get httpStatus(): number {
    return appErrorCodes[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** How long clients are asked to wait (Retry-After) while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// What "the database cannot be reached right now" looks like through Prisma
// 6.19 and its driver adapters: Prisma's connection error codes, the adapters'
// error kinds, PostgreSQL's connection-exception (08…) and operator-
// intervention (57P0…) SQLSTATEs and "too many connections", node-postgres'
// own messages (pool timeout, a connection cut mid-query), and SQLite's busy,
// I/O and cannot-open results.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
const UNAVAILABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_POSTGRES_CODE = /^(08|57P0[1-4]|53300$)/;
const UNAVAILABLE_SQLITE_CODE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|PROTOCOL)/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|not queryable|ECONNREFUSED|ECONNRESET|EPIPE|the database system is (starting up|shutting down)|terminating connection due to administrator command|is not currently accepting connections|database is locked/i;

/**
 * True when `error` (or anything in its cause chain) says the database is
 * unreachable or overloaded for now, rather than that the request was wrong:
 * such errors answer 503 UNAVAILABLE with Retry-After, never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const value = current as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof value.code === 'string' && (UNAVAILABLE_PRISMA_CODES.has(value.code) || UNAVAILABLE_SQLITE_CODE.test(value.code))) return true;
    if (typeof value.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(value.kind)) return true;
    if (value.kind === 'postgres' && typeof value.code === 'string' && UNAVAILABLE_POSTGRES_CODE.test(value.code)) return true;
    if (value.kind === 'sqlite' && (typeof value.originalCode === 'string' || typeof value.code === 'string')) {
      if (UNAVAILABLE_SQLITE_CODE.test(String(value.originalCode ?? value.code))) return true;
    }
    if (typeof value.message === 'string' && UNAVAILABLE_MESSAGE.test(value.message)) return true;
    queue.push(value.cause, value.meta?.driverAdapterError);
  }
  return false;
}

/** The answer for a request that failed because the database is unreachable. */
export function unavailableError(cause: unknown): AppError {
  return new AppError('UNAVAILABLE', 'The service is briefly unavailable. Please try again in a few seconds.', {
    details: { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
    cause,
  });
}

/**
 * The Retry-After seconds for a failed call: the wait an AppError names in
 * `details.retryAfterSeconds` (429 RATE_LIMITED, 503 UNAVAILABLE), found on the
 * error or its cause (tRPC wraps ours), so HTTP clients and proxies that only
 * read the header wait as long as the body says; any other 503 (tRPC's
 * SERVICE_UNAVAILABLE) waits UNAVAILABLE_RETRY_AFTER_SECONDS. Undefined otherwise.
 * Both HTTP paths (tRPC's adapter in app.ts, the lean path) answer with it.
 */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof AppError) {
      const seconds = current.details?.retryAfterSeconds;
      if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds);
      break;
    }
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'SERVICE_UNAVAILABLE' ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined;
}
