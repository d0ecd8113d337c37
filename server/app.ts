// The Express application: tRPC at /trpc, plain HTTP routes beside it, and the
// built web client at /. Creating it has no side effects (no listening, no
// migrations), so tests can mount it on an ephemeral port.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Config } from './env';
import type { Database } from './db';
import type { Logger } from './logger';
import { contextFactory } from './context';
import { appRouter } from './routers/_app';
import { healthHandler } from './http/health';
import { installLeanQueryPath, mutationFastPath, queryFastPath } from './http/query-fast-path';
import { inviteDownloadHandler } from './http/invite-download';
import { renderFeed } from './feeds/manage-feeds';
import { sendError } from './http/send-error';
import { AppError } from './errors';
import { clientDistDir } from './client-build';
import { staticAssets } from './http/static-assets';
import { isSlotsAnswerCurrent } from './availability/find-free-slots';

// Largest JSON body we accept. Most inputs are a few KB; a media-list import
// (contacts.importCsv / importVCard) carries the whole file, and 5 MB holds
// about 60,000 CSV rows. Bigger bodies are refused before parsing.
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function createApp(deps: { database: Database; config: Config; logger: Logger }) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);

  // Headers and the request id every answer carries, as middleware. The lean
  // query path (server/http/query-fast-path.ts) skips the router and runs this
  // list itself, so a header meant for every answer belongs in it (using only
  // Node's own request/response API: setHeader, headers, on).
  const everyAnswer = [assignRequestId(deps.logger), setSecurityHeaders];
  app.use(...everyAnswer);

  app.get('/healthz', healthHandler(deps.database));
  const downloadInvite = inviteDownloadHandler(deps);
  app.get('/invites/:file', (request, response, next) => {
    downloadInvite(request, response).catch(next);
  });
  // Subscription feeds: the token in the path is the only credential (calendar apps send no cookies).
  app.get('/feeds/:file', (request, response, next) => {
    const token = /^(.+)\.ics$/.exec(String(request.params.file))?.[1] ?? '';
    renderFeed({ db: deps.database.prisma, token, now: new Date() }).then((feed) => {
      if (feed === null) return sendError(response, { code: 'NOT_FOUND', message: 'No feed at this address (it may have been rotated).' });
      response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      response.setHeader('Cache-Control', 'private, max-age=300');
      response.send(feed);
    }, next);
  });

  const createContext = contextFactory(deps);
  installLeanQueryPath(app, { createContext: contextFactory(deps, { session: false }), everyAnswer, stillCurrent: isSlotsAnswerCurrent });
  app.use(
    '/trpc',
    queryFastPath(createContext),
    express.json({ limit: MAX_BODY_BYTES }),
    mutationFastPath(createContext),
    createExpressMiddleware({ router: appRouter, createContext }),
  );

  // The built client; any other GET that is not an API path gets index.html so
  // client-side routes (/manage/IR-…) work on reload.
  // Files are sent precompressed when the browser accepts it (server/http/static-assets.ts).
  const dist = clientDistDir();
  const assets = staticAssets(dist);
  app.use(assets.files);
  app.get(/^\/(?!trpc|healthz|invites|feeds).*/, (request, response, next) => {
    if (!existsSync(join(dist, 'index.html'))) return next();
    assets.index(request, response, next);
  });

  app.use((_request: Request, response: Response) => {
    sendError(response, { code: 'NOT_FOUND', message: 'Nothing here.' });
  });

  // Malformed JSON and oversized bodies land here from express.json().
  app.use((error: Error & { status?: number; type?: string }, request: Request & { log?: Logger }, response: Response, _next: NextFunction) => {
    if (error.type === 'entity.too.large') {
      return sendError(response, new AppError('VALIDATION_FAILED', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; split the import into smaller files.`));
    }
    if (error.status === 400) return sendError(response, new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.'));
    request.log?.error({ err: error }, 'unhandled error');
    sendError(response, new AppError('INTERNAL', 'Something went wrong on our side. Please try again.'));
  });

  return app;
}

/** One child logger per request (made on first use), with an id echoed to the client for support. */
function assignRequestId(logger: Logger) {
  const logsRequests = logger.isLevelEnabled('debug');
  return (request: Request & { log?: Logger }, response: Response, next: NextFunction) => {
    const requestId = (request.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
    let child: Logger | undefined;
    Object.defineProperty(request, 'log', { configurable: true, enumerable: true, get: () => (child ??= logger.child({ requestId })), set: (value: Logger) => (child = value) });
    response.setHeader('X-Request-Id', requestId);
    if (logsRequests) {
      const started = performance.now();
      response.on('finish', () => {
        request.log?.debug({ method: request.method, url: (request.originalUrl ?? request.url).split('?')[0], status: response.statusCode, ms: Math.round(performance.now() - started) }, 'request');
      });
    }
    next();
  };
}

function setSecurityHeaders(_request: Request, response: Response, next: NextFunction) {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // Manage links and feed URLs carry tokens: never leak them in Referer.
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  next();
}
