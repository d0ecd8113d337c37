// The tRPC context. createContextInner builds it from plain values (tests call
// it directly with createCaller); createContext adapts an Express request.
import type { Request, Response } from 'express';
import type { CreateExpressContextOptions } from '@trpc/server/adapters/express';
import type { Config } from './env';
import type { Database } from './db';
import type { Logger } from './logger';
import { findActiveSession, SESSION_COOKIE, type ActiveSession } from './auth/sessions';
import { isDatabaseUnavailable, unavailableError } from './errors';
import { toTrpcError } from './trpc';

/** How the context sets or clears the session cookie; a no-op recorder in tests. */
export interface CookieJar {
  setSession(token: string, expiresAt: Date): void;
  clearSession(): void;
}

export interface ContextInnerOptions {
  database: Database;
  config: Config;
  logger: Logger;
  sessionToken?: string | null;
  ip?: string;
  userAgent?: string;
  /** The request's Origin header, if any (checked on mutations). */
  origin?: string | null;
  /** The request's Host header, if any. */
  host?: string | null;
  now?: () => Date;
  cookies?: CookieJar;
}

export async function createContextInner(options: ContextInnerOptions) {
  const now = options.now ?? (() => new Date());
  const session: ActiveSession | null = options.sessionToken
    ? await findActiveSession({ db: options.database.prisma, token: options.sessionToken, now: now() })
    : null;
  return {
    db: options.database.prisma,
    database: options.database,
    config: options.config,
    logger: options.logger,
    session,
    ip: options.ip ?? 'unknown',
    userAgent: options.userAgent,
    origin: options.origin ?? null,
    host: options.host ?? null,
    now,
    cookies: options.cookies ?? { setSession() {}, clearSession() {} },
  };
}

export type Context = Awaited<ReturnType<typeof createContextInner>>;

/** Reads one cookie from a Cookie header without a parser dependency. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function createCookieJar(response: Response, config: Config): CookieJar {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: '/' };
  return {
    setSession(token, expiresAt) {
      response.cookie(SESSION_COOKIE, token, { ...base, expires: expiresAt });
    },
    clearSession() {
      response.clearCookie(SESSION_COOKIE, base);
    },
  };
}

/**
 * Context per HTTP request. `now`: the clock procedures read (tests inject one;
 * the default is the real time). `session: false` never looks the session up
 * (one database query per call): only for public procedures that do not read it.
 */
export function contextFactory(deps: { database: Database; config: Config; logger: Logger; now?: () => Date }, options: { session?: boolean } = {}) {
  const readsSession = options.session ?? true;
  return async ({ req, res }: CreateExpressContextOptions) => {
    const request = req as Request & { log?: Logger };
    try {
      return await createContextInner({
      ...deps,
      logger: request.log ?? deps.logger,
      sessionToken: readsSession ? readCookie(req.headers.cookie, SESSION_COOKIE) : null,
      ip: request.ip ?? req.socket.remoteAddress ?? 'unknown',
      userAgent: req.headers['user-agent'],
      origin: req.headers.origin ?? null,
      host: req.headers.host ?? null,
      cookies: createCookieJar(res as Response, deps.config),
      });
    } catch (error) {
      // The session lookup is the first query of every call: while the
      // database is unreachable, answer 503 UNAVAILABLE (with Retry-After), not 500.
      if (isDatabaseUnavailable(error)) throw toTrpcError(unavailableError(error));
      throw error;
    }
  };
}
