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
