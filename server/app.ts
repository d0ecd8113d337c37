// The Express application: tRPC at /trpc, plain HTTP routes beside it, and the
// built web client at /. Creating it has no side effects (no listening, no
// migrations), so tests can mount it on an ephemeral port.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
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
import { AppError, isDatabaseUnavailable, retryAfterSecondsOf, unavailableError } from './errors';
import { clientDistDir } from './client-build';
import { deleteAttachmentHandler, downloadAttachmentHandler, uploadAttachmentHandler } from './releases/attachments';
import { staticAssets } from './http/static-assets';
import { bookingFirstView } from './http/booking-first-view';
import { isSlotsAnswerCurrent } from './availability/find-free-slots';
import { metricsHandler, timeProcedureCalls } from './http/metrics-http';
import { apiDescriptionRoutes } from './api-description/api-description-routes';

// Largest JSON body we accept. Most inputs are a few KB; a media-list import
// (contacts.importCsv / importVCard) carries the whole file, and 5 MB holds
// about 60,000 CSV rows. Bigger bodies are refused before parsing.
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function createApp(deps: { database: Database; config: Config; logger: Logger; now?: () => Date }) {
  // The clock every request reads (tests inject one to cross an embargo instant).
  const now = deps.now ?? (() => new Date());
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);

  // Headers and the request id every answer carries, as middleware. The lean
  // query path (server/http/query-fast-path.ts) skips the router and runs this
  // list itself, so a header meant for every answer belongs in it (using only
  // Node's own request/response API: setHeader, removeHeader, headers, on).
  const trustedPeer = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  const everyAnswer = [timeProcedureCalls(appRouter._def.procedures), assignRequestId(deps.logger, trustedPeer), securityHeaders(deps.config)];
  app.use(...everyAnswer);

  app.get('/healthz', healthHandler(deps.database));
  const metrics = metricsHandler({ database: deps.database, token: deps.config.metricsToken });
  app.get('/metrics', (request, response, next) => {
    metrics(request, response).catch(next);
  });
  // The API description (README "API description"): the OpenAPI document and a page to read it.
  const apiDescription = apiDescriptionRoutes(deps.config);
  app.get('/api/openapi.json', apiDescription.openApiJson);
  app.get('/api/docs', apiDescription.referencePage);
  app.get('/api/docs.css', apiDescription.stylesheet);
  const downloadInvite = inviteDownloadHandler(deps);
  app.get('/invites/:file', noStore, (request, response, next) => {
    downloadInvite(request, response).catch(next);
  });
  // Subscription feeds: the token in the path is the only credential (calendar apps send no cookies).
  app.get('/feeds/:file', (request, response, next) => {
    const token = /^(.+)\.ics$/.exec(String(request.params.file))?.[1] ?? '';
    renderFeed({ db: deps.database.prisma, token, now: new Date(), organizerEmail: deps.config.mailFrom }).then((feed) => {
      if (feed === null) return sendError(response, { code: 'NOT_FOUND', message: 'No feed at this address (it may have been rotated).' });
      response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      response.setHeader('Cache-Control', 'private, max-age=300');
      response.send(feed);
    }, next);
  });

  // Release attachments: a raw-body upload beside tRPC (press officers), downloads for whoever may see the release.
  const files = { db: deps.database.prisma, config: deps.config, now };
  const upload = uploadAttachmentHandler(files);
  const removeAttachment = deleteAttachmentHandler(files);
  const download = downloadAttachmentHandler(files);
  app.post('/releases/:id/attachments', (request, response, next) => {
    upload(request, response).catch(next);
  });
  app.delete('/attachments/:id', (request, response, next) => {
    removeAttachment(request, response).catch(next);
  });
  app.get('/attachments/:id/:name', (request, response, next) => {
    download(request, response).catch(next);
  });

  const createContext = contextFactory({ ...deps, now });
  installLeanQueryPath(app, { createContext: contextFactory({ ...deps, now }, { session: false }), everyAnswer, stillCurrent: isSlotsAnswerCurrent });
  app.use(
    '/trpc',
    noStore,
    queryFastPath(createContext),
    bodilessPostIsJson,
    express.json({ limit: MAX_BODY_BYTES }),
    mutationFastPath(createContext),
    createExpressMiddleware({
      router: appRouter,
      createContext,
      // 429 RATE_LIMITED and 503 UNAVAILABLE tell clients when to try again, in the header as in the body.
      responseMeta: ({ errors }) => {
        const waits = errors.map(retryAfterSecondsOf).filter((seconds) => seconds !== undefined);
        return waits.length > 0 ? { headers: { 'Retry-After': String(Math.max(...waits)) } } : {};
      },
    }),
  );

  // The built client; any other GET that is not an API path gets index.html so
  // client-side routes (/manage/IR-…) work on reload.
  // Files are sent precompressed when the browser accepts it (server/http/static-assets.ts).
  const dist = clientDistDir();
  const assets = staticAssets(dist);
  // The widget's loader is meant for other sites' pages (README "Embedding"):
  // helmet's Cross-Origin-Resource-Policy (same-origin) would block it there.
  app.get('/embed.js', (_request, response, next) => {
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  app.use(assets.files);
  // Booking pages come with their first view (free times drawn before the bundle runs).
  const firstView = bookingFirstView({ db: deps.database.prisma, dist, logger: deps.logger, now });
  app.get(/^\/(?!trpc|healthz|invites|feeds|attachments|api\/|metrics).*/, (request, response, next) => {
    if (!existsSync(join(dist, 'index.html'))) return next();
    // The booking widget (/embed/…, see client/public/embed.js) is meant to be
    // framed by the press office's own site; every other page stays unframeable.
    // The rest of the policy (scripts, styles, connections) holds inside the frame too.
    if (request.path.startsWith('/embed/')) {
      response.removeHeader('X-Frame-Options');
      const policy = response.getHeader('Content-Security-Policy');
      response.setHeader('Content-Security-Policy', typeof policy === 'string' ? policy.replace("frame-ancestors 'none'", 'frame-ancestors *') : 'frame-ancestors *');
    }
    firstView.handle(request, response, () => assets.index(request, response, next));
  });

  app.use((_request: Request, response: Response) => {
    sendError(response, { code: 'NOT_FOUND', message: 'Nothing here.' });
  });

  // Malformed JSON and oversized bodies land here from express.json().
  app.use((error: Error & { status?: number; type?: string }, request: Request & { log?: Logger }, response: Response, _next: NextFunction) => {
    if (error instanceof AppError) return sendError(response, error);
    if (error.type === 'entity.too.large') {
      return sendError(response, new AppError('VALIDATION_FAILED', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; split the import into smaller files.`));
    }
    if (error.status === 400) return sendError(response, new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.'));
    if (isDatabaseUnavailable(error)) {
      request.log?.warn({ err: error }, 'database unavailable');
      return sendError(response, unavailableError(error));
    }
    request.log?.error({ err: error }, 'unhandled error');
    sendError(response, new AppError('INTERNAL', 'Something went wrong on our side. Please try again.'));
  });

  return app;
}

/**
 * Helmet's headers, tightened: a Content-Security-Policy that allows only our
 * own scripts, styles and API (the Vite build has no inline script; React sets
 * styles through the DOM, which CSP does not block), no framing, no referrer
 * (manage links and feed URLs carry tokens), HSTS only when PUBLIC_URL is
 * https (on plain http it would break a local install once a browser saw it),
 * and a Permissions-Policy that turns off device APIs the client never uses.
 */
function securityHeaders(config: Config) {
  const https = config.publicUrl.startsWith('https:');
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 365 * 86_400, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    headers(request, response, next);
  };
}

const PERMISSIONS_POLICY = ['accelerometer', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'payment', 'usb'].map((feature) => `${feature}=()`).join(', ');

/**
 * API answers and invite downloads are never stored by browsers or proxies:
 * signed-in answers carry personal data (the media list export included), and
 * the lean fast paths (server/http/query-fast-path.ts) answer from behind this
 * middleware, so they get the header too.
 */
function noStore(_request: Request, response: Response, next: NextFunction) {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * A POST with no body and no Content-Type (`curl -X POST …/auth.logout`) carries no input to
 * misread: it is taken as an empty JSON call. Any other body must say it is JSON, or it answers
 * 415 VALIDATION_FAILED. Not a CSRF opening: mutations are Origin-checked and the session cookie
 * is SameSite=Lax.
 */
function bodilessPostIsJson(request: Request, _response: Response, next: NextFunction) {
  const headers = request.headers;
  if (request.method === 'POST' && headers['content-type'] === undefined && headers['transfer-encoding'] === undefined && (headers['content-length'] ?? '0') === '0') {
    headers['content-type'] = 'application/json';
  }
  next();
}

/**
 * One child logger per request, made on first use (most answers log nothing).
 * The id is always ours: a client-chosen one could collide with or impersonate
 * other requests in the log. An id sent by a proxy we trust (TRUST_PROXY) is
 * kept beside it, to follow a request through both logs; from anyone else it is ignored.
 */
function assignRequestId(logger: Logger, trustedPeer: (address: string, hop: number) => boolean) {
  const logsRequests = logger.isLevelEnabled('debug');
  return (request: Request & { log?: Logger }, response: Response, next: NextFunction) => {
    const requestId = randomUUID();
    const upstream = request.headers['x-request-id'];
    const fromProxy = typeof upstream === 'string' && upstream !== '' && trustedPeer(request.socket.remoteAddress ?? '', 0);
    const bindings = fromProxy ? { requestId, upstreamRequestId: upstream.replace(/[^\x21-\x7e]/g, '').slice(0, 100) } : { requestId };
    let child: Logger | undefined;
    Object.defineProperty(request, 'log', { configurable: true, enumerable: true, get: () => (child ??= logger.child(bindings)), set: (value: Logger) => (child = value) });
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
