// A lean HTTP path for single (non-batched) tRPC calls: queries over GET and
// mutations over POST with a JSON body.
//
// Why: tRPC's node adapter turns every request into a Fetch API Request and
// streams the answer through a WritableStream; on this hardware that costs
// about 0.6 ms a request, more than our slot computation itself, and it halves
// what one instance can serve of availability.slots, the query reporters
// hammer after a release (and takes a good share of requests.create, which a
// release's reporters hit next). This handler calls the same procedure of the
// same router (same middlewares, validation, errorFormatter) and writes the
// same JSON, `{"result":{"data":…}}` or `{"error":{…}}` with the same HTTP
// status; tests/integration/query-fast-path.test.ts compares both byte for
// byte. Anything else (batches, unknown paths, the wrong method for a
// procedure, unparsable or empty input) goes on to the official adapter,
// which gives the canonical answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';
import { callProcedure, getErrorShape, getTRPCErrorFromUnknown } from '@trpc/server/unstable-core-do-not-import';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { CreateExpressContextOptions } from '@trpc/server/adapters/express';
import { appRouter } from '../routers/_app';
import { toJsonBytes } from '../common/prebuilt-json';
import type { Context } from '../context';
import { retryAfterSecondsOf } from '../errors';

type CreateContext = (options: CreateExpressContextOptions) => Promise<Context>;

// At run time the router keeps a flat map of dotted paths to procedures.
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;

/**
 * Public queries reporters hammer after a release, which never read the
 * session: these skip Express's router (the middleware stack cost as much as
 * the slot computation) and the session lookup.
 */
const LEAN_QUERIES = new Set(['availability.slots', 'availability.search']);

type Middleware = (request: Request, response: Response, next: NextFunction) => void;

/**
 * Answers GET /trpc/<a LEAN_QUERIES procedure> before Express's router: the
 * same set-up Express does (its request and response prototypes, so req.query
 * and req.ip mean the same), then `everyAnswer` (the app's header middlewares,
 * which must call next() synchronously and use only Node's own request and
 * response API: a remembered answer is sent without Express's prototypes),
 * then the same answer as queryFastPath.
 * Everything else goes through the app as usual.
 */
export function installLeanQueryPath(app: Express, options: { createContext: CreateContext; everyAnswer: Middleware[]; stillCurrent?: (answer: unknown, now: number, countAsHit?: boolean) => boolean }) {
  type Handle = (request: IncomingMessage, response: ServerResponse, next?: NextFunction) => void;
  const dispatcher = app as unknown as { handle: Handle };
  const handle = dispatcher.handle.bind(app);
  // The same URL asked again: its remembered answer, if the procedure vouches it still holds
  // (availability.slots: same minute and calendar version). Skips parsing, context and validation,
  // which are all that is left once the answer is remembered. Bounded: URLs come from anyone.
  const byUrl = new Map<string, { answer: unknown; bytes: Buffer }>();
  const stillCurrent = options.stillCurrent;
  const fastPath = queryFastPath(
    options.createContext,
    stillCurrent &&
      ((request, answer, bytes) => {
        if (!stillCurrent(answer, Date.now(), false)) return;
        if (byUrl.size >= MAX_REMEMBERED_URLS) byUrl.clear();
        byUrl.set(request.url, { answer, bytes });
      }),
  );
  dispatcher.handle = (request, response, next) => {
    const url = request.url ?? '';
    if (request.method !== 'GET' || !url.startsWith('/trpc/')) return handle(request, response, next);
    const end = url.indexOf('?');
    if (!LEAN_QUERIES.has(url.slice(6, end === -1 ? undefined : end))) return handle(request, response, next);
    const req = request as Request;
    const res = response as Response;
    const runEveryAnswer = () => {
      for (const middleware of options.everyAnswer) {
        let passed = false;
        middleware(req, res, (error?: unknown) => (passed = error === undefined));
        if (!passed) return false;
      }
      return true;
    };
    // A remembered answer needs nothing of Express: its headers, then the bytes, on Node's own
    // request and response (changing their prototypes, as Express does, slows every later access).
    const remembered = byUrl.get(url);
    if (remembered && stillCurrent!(remembered.answer, Date.now())) {
      if (!runEveryAnswer()) return handle(request, response, next);
      return writeJson(res, 200, remembered.bytes);
    }
    req.res = res;
    res.req = req;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    res.locals ??= Object.create(null);
    if (!runEveryAnswer()) return handle(request, response, next);
    // queryFastPath reads req.path relative to /trpc, as under app.use('/trpc').
    Object.defineProperty(req, 'path', { configurable: true, value: url.slice(5, end === -1 ? undefined : end) });
    void fastPath(req, res, () => handle(request, response, next));
  };
}

const MAX_REMEMBERED_URLS = 1_000;

/** Single queries over GET; put it before the body parser. `onAnswered` sees each successful answer. */
export function queryFastPath(createContext: CreateContext, onAnswered?: (request: Request, answer: unknown, bytes: Buffer) => void) {
  return async (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET') return next();
    const path = request.path.slice(1);
    if (procedures[path]?._def.type !== 'query') return next();
    const query = request.query as Record<string, unknown>;
    if ('batch' in query) return next();
    const raw = query.input;
    let input: unknown;
    if (raw !== undefined) {
      if (typeof raw !== 'string') return next();
      try {
        input = JSON.parse(raw);
      } catch {
        return next();
      }
    }
    await answer(createContext, request, response, { path, type: 'query', input }, onAnswered);
  };
}

/** Single mutations over POST with a parsed JSON body; put it after express.json(). */
export function mutationFastPath(createContext: CreateContext) {
  return async (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'POST' || 'batch' in (request.query as Record<string, unknown>)) return next();
    const path = request.path.slice(1);
    if (procedures[path]?._def.type !== 'mutation') return next();
    // Only a body express.json() parsed; an empty or non-JSON body is the adapter's to judge.
    if (!request.is('application/json') || !Number(request.headers['content-length']) || request.body === undefined) return next();
    await answer(createContext, request, response, { path, type: 'mutation', input: request.body });
  };
}

async function answer(
  createContext: CreateContext,
  request: Request,
  response: Response,
  call: { path: string; type: 'query' | 'mutation'; input: unknown },
  onAnswered?: (request: Request, answer: unknown, bytes: Buffer) => void,
) {
  const { path, type, input } = call;
  let ctx: Context | undefined;
  try {
    ctx = await createContext({ req: request, res: response, info: undefined as never });
    const data = await callProcedure({ router: appRouter, path, getRawInput: async () => input, ctx, type, signal: undefined, batchIndex: 0 });
    const bytes = sendResult(response, data);
    onAnswered?.(request, data, bytes);
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    const shape = getErrorShape({ config: appRouter._def._config, error, type, path, input, ctx });
    const status = getHTTPStatusCodeFromError(error);
    const retryAfter = retryAfterSecondsOf(error);
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    send(response, status, { error: shape });
  }
}

// Procedures that memoise their answers (availability.slots) return the same
// object to identical questions; its JSON is then serialised once, not per request.
const serialised = new WeakMap<object, Buffer>();

function sendResult(response: Response, data: unknown): Buffer {
  if (typeof data !== 'object' || data === null) return send(response, 200, { result: { data } });
  let bytes = serialised.get(data);
  if (!bytes) {
    bytes = toJsonBytes(data, '{"result":{"data":', '}}');
    serialised.set(data, bytes);
  }
  writeJson(response, 200, bytes);
  return bytes;
}

function send(response: Response, status: number, body: unknown): Buffer {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  writeJson(response, status, bytes);
  return bytes;
}

function writeJson(response: ServerResponse, status: number, bytes: Buffer) {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Content-Length', bytes.length);
  response.end(bytes);
}
