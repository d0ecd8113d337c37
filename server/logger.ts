import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** The root logger; requests get a child with their request id (server/app.ts). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'interview-desk' },
      // Never log credentials or tokens, wherever they appear in a logged object.
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie', 'headers.cookie', 'cookie'],
        censor: '[redacted]',
      },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}

/**
 * Errors as logged. Database errors (Prisma, its driver adapters, pg, SQLite)
 * carry the values of the failed statement in their message, `meta` or
 * `detail`: reporters' names and emails, message text. They are logged by
 * their shape only: the operation (`prisma.mediaContact.create`), the Prisma
 * and database codes, the model and the columns involved, and the last line
 * of the message with every quoted value and address removed. Other errors
 * are logged as pino does, with their causes serialised the same way.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  if (isDatabaseError(error)) return databaseErrorShape(error);
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  delete serialized.cause;
  if (error.cause !== undefined && depth < 5) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}

function isDatabaseError(error: Error): boolean {
  return /^(PrismaClient\w*Error|DriverAdapterError|DatabaseError|SqliteError)$/.test(error.name) || /^(DatabaseError|SqliteError)$/.test(error.constructor.name);
}

interface DatabaseErrorFacts {
  code?: string;
  meta?: { modelName?: string; target?: unknown; field_name?: unknown; driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } };
}

function databaseErrorShape(error: Error) {
  const facts = error as Error & DatabaseErrorFacts;
  const operation = /Invalid `([\w$.]+)\(\)` invocation/.exec(error.message)?.[1];
  const cause = facts.meta?.driverAdapterError?.cause;
  const lines = error.message.split('\n').map((line) => line.trim()).filter(Boolean);
  return {
    type: error.name,
    message: redactValues(lines.at(-1) ?? ''),
    ...(operation ? { operation } : {}),
    ...(typeof facts.code === 'string' ? { code: facts.code } : {}),
    ...(facts.meta?.modelName ? { model: facts.meta.modelName } : {}),
    ...(namesOnly(facts.meta?.target) ? { target: facts.meta?.target } : {}),
    ...(cause?.kind ? { kind: cause.kind } : {}),
    ...(cause?.originalCode ? { databaseCode: cause.originalCode } : {}),
    // Where in our code, not what: the stack holds no values.
    stack: error.stack?.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8).join('\n'),
  };
}

/** Column or constraint names (what Prisma puts in `meta.target`), never values. */
function namesOnly(target: unknown): boolean {
  return (typeof target === 'string' && /^[\w.]+$/.test(target)) || (Array.isArray(target) && target.every((name) => typeof name === 'string' && /^[\w.]+$/.test(name)));
}

/** Removes quoted values, `(column)=(value)` details and anything that looks like an address. */
export function redactValues(message: string): string {
  return message
    .replace(/\)=\([^)]*\)/g, ')=([value])')
    .replace(/"(?:[^"\\]|\\.)*"/g, '[value]')
    .replace(/'(?:[^'\\]|\\.)*'/g, '[value]')
    .replace(/[^\s@`[\]()]+@[^\s@`[\]()]+/g, '[address]')
    .slice(0, 500);
}
