// Metrics over HTTP: timing every /trpc request, and GET /metrics behind a
// bearer token (README "Metrics"). The metrics themselves live in server/metrics/.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Database } from '../db';
import { observeRequest, renderMetrics } from '../metrics/metrics';
import { sendError } from './send-error';

/** Requests to an address no procedure has (typos, probes) share this label, so nobody can grow the label set. */
export const UNKNOWN_PROCEDURE = '(unknown)';
/** tRPC's batch form, /trpc/a,b?batch=1. */
export const BATCH = '(batch)';

/**
 * Middleware for the app's `everyAnswer` list, so the lean availability path
 * (server/http/query-fast-path.ts) is timed too: one clock read now, one when
 * the answer is written, one histogram observation. Uses only Node's own
 * request and response API, as that list requires.
 */
export function timeProcedureCalls(procedures: Record<string, unknown>) {
  return (request: Request, response: Response, next: NextFunction) => {
    const url = request.url;
    if (url.startsWith('/trpc/')) {
      const startedAt = process.hrtime.bigint();
      response.once('close', () => {
        const end = url.indexOf('?');
        const path = url.slice(6, end === -1 ? undefined : end);
        const procedure = Object.hasOwn(procedures, path) ? path : path.includes(',') ? BATCH : UNKNOWN_PROCEDURE;
        // 499 (nginx's "client closed request"): the answer was never completely written.
        observeRequest(procedure, response.writableFinished ? response.statusCode : 499, startedAt);
      });
    }
    next();
  };
}

/**
 * GET /metrics. Without METRICS_TOKEN the address does not exist (404, as any
 * unknown path); with it, only `Authorization: Bearer <token>` gets the text,
 * anything else 401. Compared in constant time (over digests, so lengths leak nothing).
 */
export function metricsHandler(options: { database: Database; token: string | undefined }) {
  const expected = options.token === undefined ? undefined : digest(options.token);
  return async (request: Request, response: Response) => {
    if (!expected) return sendError(response, { code: 'NOT_FOUND', message: 'Nothing here.' });
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return sendError(response, { code: 'UNAUTHENTICATED', message: 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.' });
    }
    const { contentType, text } = await renderMetrics(options.database);
    response.setHeader('Content-Type', contentType);
    response.setHeader('Cache-Control', 'no-store');
    response.send(text);
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
