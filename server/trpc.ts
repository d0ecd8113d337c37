// tRPC is initialised once, here. Procedures are named by the guarantee they
// give: publicProcedure (anyone, Origin-checked mutations), staffProcedure
// (a live staff session), pressOfficerProcedure (admin or press officer) and
// adminProcedure. No data transformer: inputs and outputs are plain JSON with
// ISO 8601 instants, so curl and any HTTP client can call the API.
import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { Context } from './context';
import { AppError, isDatabaseUnavailable, unavailableError, type AppErrorCode } from './errors';
import { isUniqueViolation } from './requests/booking';
import { isAllowedOrigin } from './http/origin';

type TrpcCode = TRPCError['code'];

const trpcCodes: Record<AppErrorCode, TrpcCode> = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  ORIGIN_REJECTED: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  SLOT_TAKEN: 'CONFLICT',
  EXTERNAL_CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

/** The machine-readable part of every error answer (`error.data`); see README "Errors". */
export interface ErrorData {
  code: TrpcCode;
  httpStatus: number;
  path?: string;
  appCode: AppErrorCode;
  details?: Record<string, unknown>;
  /** For VALIDATION_FAILED: messages per input field, and for the input as a whole. */
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
}

function appCodeOf(error: TRPCError): AppErrorCode {
  if (error.cause instanceof AppError) return error.cause.code;
  if (error.cause instanceof ZodError || error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') return 'VALIDATION_FAILED';
  const byTrpc: Partial<Record<TrpcCode, AppErrorCode>> = {
    UNAUTHORIZED: 'UNAUTHENTICATED',
    FORBIDDEN: 'FORBIDDEN',
    NOT_FOUND: 'NOT_FOUND',
    CONFLICT: 'CONFLICT',
    TOO_MANY_REQUESTS: 'RATE_LIMITED',
    METHOD_NOT_SUPPORTED: 'VALIDATION_FAILED',
    // A POST whose body is not JSON (a form, text/plain): the input cannot be read (HTTP 415).
    UNSUPPORTED_MEDIA_TYPE: 'VALIDATION_FAILED',
  };
  return byTrpc[error.code] ?? 'INTERNAL';
}

/** Dotted field paths, so nested inputs ("reporter.email") map to form fields. */
function flattenZodError(error: ZodError) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path.length === 0) formErrors.push(issue.message);
    else (fieldErrors[issue.path.join('.')] ??= []).push(issue.message);
  }
  return { fieldErrors, formErrors };
}

/**
 * What every procedure says about itself, read by the API description
 * (server/api-description/): who may call it. Set once on each base procedure
 * below, so a new procedure carries it without anyone writing it down.
 */
export interface ProcedureMeta {
  access: ProcedureAccess;
}
export type ProcedureAccess = 'public' | 'staff' | 'press_officer' | 'admin';

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  errorFormatter({ shape, error }) {
    const appCode = appCodeOf(error);
    const data: ErrorData = {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      appCode,
    };
    let message = shape.message;
    if (error.cause instanceof AppError && error.cause.details) data.details = error.cause.details;
    if (error.cause instanceof ZodError) {
      Object.assign(data, flattenZodError(error.cause));
      message = 'Some fields are not valid: ' + error.cause.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
    }
    if (error.code === 'UNSUPPORTED_MEDIA_TYPE') {
      message = 'Send the input as JSON with the header Content-Type: application/json (a call without input may send no body at all).';
    }
    // Unexpected errors keep their details in the log, not in the answer.
    if (appCode === 'INTERNAL') message = 'Something went wrong on our side. Please try again.';
    return { message, code: shape.code, data };
  },
});

export const router = t.router;

/** The TRPCError that carries an AppError (its HTTP status and, through the formatter, its code). */
export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({ code: trpcCodes[error.code], message: error.message, cause: error });
}
export const createCallerFactory = t.createCallerFactory;

/** Turns AppError into a TRPCError with the right HTTP status, and logs the unexpected. */
const mapErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: trpcCodes[cause.code], message: cause.message, cause });
    }
    // Database refusals that are about the input, not a fault of ours, for the paths no domain
    // function checks (or that lose a race between its check and its write, as two identical
    // creates at once do on PostgreSQL): a foreign key that does not exist, a unique key taken.
    const databaseCode = (cause as { code?: unknown } | undefined)?.code;
    if (databaseCode === 'P2003') {
      const error = new AppError('VALIDATION_FAILED', 'This refers to something that does not exist (any more); reload and try again.', { cause });
      throw new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(cause)) {
      ctx.logger.warn({ err: cause, path, type }, 'database unavailable');
      throw toTrpcError(unavailableError(cause));
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR' && isUniqueViolation(cause)) {
      // A race the domain code did not name (it maps the ones it knows, e.g.
      // two tabs booking one request: INVALID_TRANSITION): still a conflict with
      // what someone else just wrote, never a 500.
      ctx.logger.warn({ err: cause, path, type }, 'unique-index race');
      throw toTrpcError(new AppError('CONFLICT', 'Someone else changed this at the same moment; reload and try again.', { cause }));
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      ctx.logger.error({ err: cause ?? result.error, path, type }, 'procedure failed');
    }
  }
  return result;
});

/** Refuses mutations whose Origin is another site (see server/http/origin.ts). */
const checkOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && !isAllowedOrigin({ origin: ctx.origin, host: ctx.host, publicUrl: ctx.config.publicUrl })) {
    throw new AppError('ORIGIN_REJECTED', 'This request came from another site and was refused.');
  }
  return next();
});

export const publicProcedure = t.procedure.meta({ access: 'public' }).use(mapErrors).use(checkOrigin);

export const staffProcedure = publicProcedure.meta({ access: 'staff' }).use(({ ctx, next }) => {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return next({ ctx: { ...ctx, session: ctx.session, user: ctx.session.user } });
});

export const pressOfficerProcedure = staffProcedure.meta({ access: 'press_officer' }).use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin' && ctx.user.role !== 'press_officer') {
    throw new AppError('FORBIDDEN', 'Only press officers can do this.');
  }
  return next();
});

export const adminProcedure = staffProcedure.meta({ access: 'admin' }).use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only administrators can do this.');
  return next();
});

export { z };
