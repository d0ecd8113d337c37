import type { Response } from 'express';
import { AppError, appErrorCodes, type AppErrorCode } from '../errors';

/**
 * Answers a plain Express route's error in the same shape as tRPC errors:
 * `{ error: { message, data: { appCode, httpStatus } } }`.
 */
export function sendError(response: Response, error: AppError | { code: AppErrorCode; message: string }): void {
  const httpStatus = error instanceof AppError ? error.httpStatus : appErrorCodes[error.code];
  // RATE_LIMITED and UNAVAILABLE say when to come back, in the header too.
  const retryAfter = error instanceof AppError ? error.details?.retryAfterSeconds : undefined;
  if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
  response.status(httpStatus).json({
    error: {
      message: error.message,
      data: { appCode: error.code, httpStatus, ...(error instanceof AppError && error.details ? { details: error.details } : {}) },
    },
  });
}
