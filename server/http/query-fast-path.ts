// A lean HTTP path for single (non-batched) tRPC queries over GET.
//
// Why: tRPC's node adapter turns every request into a Fetch API Request and
// streams the answer through a WritableStream; on this hardware that costs
// about 0.6 ms a request, more than our slot computation itself, and it halves
// what one instance can serve of availability.slots, the query reporters
// hammer after a release. This handler calls the same procedure of the same
// router (same middlewares, validation, errorFormatter) and writes the same
// JSON, `{"result":{"data":…}}` or `{"error":{…}}` with the same HTTP status;
// tests/integration/query-fast-path.test.ts compares both byte for byte.
// Anything else (mutations, batches, unknown paths, unparsable input) goes on
// to the official adapter, which gives the canonical answer.
import type { NextFunction, Request, Response } from 'express';
import { callProcedure, getErrorShape, getTRPCErrorFromUnknown } from '@trpc/server/unstable-core-do-not-import';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { CreateExpressContextOptions } from '@trpc/server/adapters/express';
import { appRouter } from '../routers/_app';
import type { Context } from '../context';

export function queryFastPath(createContext: (options: CreateExpressContextOptions) => Promise<Context>) {
  // At run time the router keeps a flat map of dotted paths to procedures.
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;
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
    let ctx: Context | undefined;
    try {
      ctx = await createContext({ req: request, res: response, info: undefined as never });
      const data = await callProcedure({ router: appRouter, path, getRawInput: async () => input, ctx, type: 'query', signal: undefined, batchIndex: 0 });
      sendResult(response, data);
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      const shape = getErrorShape({ config: appRouter._def._config, error, type: 'query', path, input, ctx });
      send(response, getHTTPStatusCodeFromError(error), { error: shape });
    }
  };
}

// Procedures that memoise their answers (availability.slots) return the same
// object to identical questions; its JSON is then serialised once, not per request.
const serialised = new WeakMap<object, Buffer>();

function sendResult(response: Response, data: unknown) {
  if (typeof data !== 'object' || data === null) return send(response, 200, { result: { data } });
  let bytes = serialised.get(data);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify({ result: { data } }), 'utf8');
    serialised.set(data, bytes);
  }
  writeJson(response, 200, bytes);
}

function send(response: Response, status: number, body: unknown) {
  writeJson(response, status, Buffer.from(JSON.stringify(body), 'utf8'));
}

function writeJson(response: Response, status: number, bytes: Buffer) {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Content-Length', bytes.length);
  response.end(bytes);
}
