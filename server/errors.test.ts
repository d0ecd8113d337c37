import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { AppError, isDatabaseUnavailable, retryAfterSecondsOf, unavailableError, UNAVAILABLE_RETRY_AFTER_SECONDS } from './errors';

describe('isDatabaseUnavailable', () => {
  it('recognises a database that is down, cut off or refusing connections, anywhere in the cause chain', () => {
    const wrapped = (cause: unknown) => new Error('query failed', { cause });
    for (const error of [
      { code: 'P1001' },
      { kind: 'DatabaseNotReachable' },
      { kind: 'postgres', code: '57P01' },
      { kind: 'sqlite', originalCode: 'SQLITE_BUSY' },
      new Error('terminating connection due to administrator command'),
      // PostgreSQL while ALTER DATABASE … ALLOW_CONNECTIONS false (an operator taking it out for a moment).
      new Error('database "desk" is not currently accepting connections'),
      wrapped(wrapped({ kind: 'postgres', code: '08006' })),
    ]) {
      expect(isDatabaseUnavailable(error), JSON.stringify(error) || String(error)).toBe(true);
    }
  });

  it('leaves errors that are the request’s or the code’s alone', () => {
    for (const error of [new Error('Unique constraint failed'), { kind: 'postgres', code: '23505' }, new AppError('NOT_FOUND', 'No such request.'), null, 'text']) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});

describe('retryAfterSecondsOf', () => {
  it('reads the wait an AppError names, through the error tRPC wraps it in', () => {
    const limited = new AppError('RATE_LIMITED', 'Too many.', { details: { retryAfterSeconds: 29.2 } });
    expect(retryAfterSecondsOf(limited)).toBe(30);
    expect(retryAfterSecondsOf(new TRPCError({ code: 'TOO_MANY_REQUESTS', cause: limited }))).toBe(30);
    expect(retryAfterSecondsOf(unavailableError(new Error('down')))).toBe(UNAVAILABLE_RETRY_AFTER_SECONDS);
  });

  it('gives any other 503 the standard wait', () => {
    expect(retryAfterSecondsOf(new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Down.' }))).toBe(UNAVAILABLE_RETRY_AFTER_SECONDS);
  });

  it('is undefined when no wait is named', () => {
    expect(retryAfterSecondsOf(new AppError('NOT_FOUND', 'No.'))).toBeUndefined();
    expect(retryAfterSecondsOf(new AppError('RATE_LIMITED', 'No.', { details: { retryAfterSeconds: 'soon' } }))).toBeUndefined();
    expect(retryAfterSecondsOf(new Error('plain'))).toBeUndefined();
  });
});
