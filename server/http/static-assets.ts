// The built web client over HTTP: precompressed files (brotli or gzip, written
// beside each file at build time by server/client-build.ts) chosen from the
// request's Accept-Encoding, through express-static-gzip (this module is its
// only user). Vite names every file under assets/ by a hash of its content, so
// those are cached for a year and never revalidated; index.html names the
// current ones and is revalidated on every load.
import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Cache-Control for content-hashed files (Vite's assets/ folder). */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Other files at the root of the build (favicon and the like): an hour. */
const ROOT_FILE_CACHE = 'public, max-age=3600';

function cacheControlFor(path: string): string {
  const file = path.replace(/\.(br|gz)$/, '');
  if (file.endsWith('.html')) return 'no-cache';
  return /[\\/]assets[\\/]/.test(file) ? IMMUTABLE_CACHE : ROOT_FILE_CACHE;
}

/**
 * Serves the files of `folder`; with `indexFallback`, any other GET that is
 * not an API path answers index.html (client-side routes survive a reload).
 * Create it after the build: the compressed files are listed once, at creation.
 */
export function staticAssets(folder: string) {
  const serve = expressStaticGzip(folder, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: {
      index: false,
      // Cache-Control is ours (setHeaders); serve-static's own would say max-age=0.
      cacheControl: false,
      setHeaders: (response: ServerResponse, path: string) => {
        response.setHeader('Cache-Control', cacheControlFor(path));
      },
    },
  });
  return {
    files: (request: Request, response: Response, next: NextFunction) => serve(request, response, next),
    /** index.html, compressed like the rest, for client-side routes. */
    index: (request: Request, response: Response, next: NextFunction) => {
      const url = request.url;
      request.url = '/index.html';
      serve(request, response, (error?: unknown) => {
        request.url = url;
        next(error);
      });
    },
  };
}
